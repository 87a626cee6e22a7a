package dev.zvonok.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.zvonok.server.config.ServerConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The demo's users all have the password "demo": it listens to this machine only unless told otherwise. */
class DemoCommandTest {

    private static final ServerConfig DEFAULTS = ServerConfig.from(ConfigFactory.defaultReference());

    @Test
    void listensOnLoopbackByDefault() {
        DemoCommand demo = parse();

        assertThat(demo.http(DEFAULTS).host()).isEqualTo("127.0.0.1");
        assertThat(demo.http(DEFAULTS).port()).isEqualTo(3771);
    }

    @Test
    void listensWhereItIsTold() {
        assertThat(parse("--host", "0.0.0.0", "--port", "4000").http(DEFAULTS))
                .satisfies(http -> {
                    assertThat(http.host()).isEqualTo("0.0.0.0");
                    assertThat(http.port()).isEqualTo(4000);
                });
    }

    private static DemoCommand parse(String... args) {
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs(args);
        return demo;
    }
}
