package dev.zvonok.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void readsTheCommandLineAndNeverShowsThePassword() {
        LaunchOptions options = LaunchOptions.parse(List.of("--server", "http://pbx-crm.local:3771", "--login",
                "ivanov", "--password", "pass-Zq91"), null, Path.of("/home/ivanov"));

        assertThat(options.logsInAtStart()).isTrue();
        assertThat(options.password()).contains("pass-Zq91");
        assertThat(options.dataDir()).isEqualTo(Path.of("/home/ivanov/.zvonok"));
        assertThat(options.toString()).doesNotContain("pass-Zq91").contains("ivanov").contains("pbx-crm.local");
    }
}
