package dev.zvonok.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    private static final Path HOME = Path.of("/home/ivanov");
    private static final LaunchOptions.LineReader NO_STDIN = () -> {
        throw new AssertionError("standard input read without --password-stdin");
    };

    @Test
    void readsTheCommandLineAndNeverShowsThePassword() {
        LaunchOptions options = LaunchOptions.parse(List.of("--server", "http://pbx-crm.local:3771", "--login",
                "ivanov", "--password", "pass-Zq91"), Map.<String, String>of()::get, HOME, NO_STDIN);

        assertThat(options.logsInAtStart()).isTrue();
        assertThat(options.password()).contains("pass-Zq91");
        assertThat(options.passwordOnCommandLine()).as("the app warns of ps then").isTrue();
        assertThat(options.dataDir()).isEqualTo(Path.of("/home/ivanov/.zvonok"));
        assertThat(options.toString()).doesNotContain("pass-Zq91").contains("ivanov").contains("pbx-crm.local");
    }

    @Test
    void passwordStdinTakesTheFirstLineOfStandardInputOnly() {
        BufferedReader stdin = new BufferedReader(new StringReader("pass with spaces Zq91\nsecond line\n"));

        LaunchOptions options = LaunchOptions.parse(List.of("--login", "ivanov", "--password-stdin"),
                Map.<String, String>of()::get, HOME, () -> Optional.ofNullable(stdin.readLine()));

        assertThat(options.logsInAtStart()).isTrue();
        assertThat(options.password()).contains("pass with spaces Zq91");
        assertThat(options.passwordOnCommandLine()).isFalse();
    }

    @Test
    void anEmptyStandardInputIsAnErrorNotAnEmptyPassword() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--login", "ivanov", "--password-stdin"),
                Map.<String, String>of()::get, HOME, Optional::empty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("standard input is empty");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--login", "ivanov", "--password-stdin",
                "--password", "x"), Map.<String, String>of()::get, HOME, () -> Optional.of("y")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("once");
    }

    @Test
    void theEnvironmentGivesThePasswordWhenTheCommandLineNamesOnlyTheLogin() {
        Map<String, String> environment = Map.of("ZVONOK_PASSWORD", "pass-Zq91");

        LaunchOptions withLogin = LaunchOptions.parse(List.of("--login", "ivanov"), environment::get, HOME,
                NO_STDIN);
        LaunchOptions withoutLogin = LaunchOptions.parse(List.of(), environment::get, HOME, NO_STDIN);

        assertThat(withLogin.password()).contains("pass-Zq91");
        assertThat(withLogin.logsInAtStart()).isTrue();
        assertThat(withLogin.passwordOnCommandLine()).isFalse();
        assertThat(withoutLogin.logsInAtStart()).as("no login: the form asks, as without the variable").isFalse();
    }

    @Test
    void standardInputWinsOverTheEnvironmentAndIsReadOnce() {
        AtomicInteger reads = new AtomicInteger();
        LaunchOptions options = LaunchOptions.parse(List.of("--login", "ivanov", "--password-stdin"),
                Map.of("ZVONOK_PASSWORD", "from-environment")::get, HOME, () -> {
                    reads.incrementAndGet();
                    return Optional.of("from-stdin");
                });

        assertThat(options.password()).contains("from-stdin");
        assertThat(reads).hasValue(1);
    }

    @Test
    void aStartAtLoginRepeatsTheServerAndTheDataDirectoryNeverTheCredentials() {
        LaunchOptions named = LaunchOptions.parse(List.of("--server", "http://pbx-crm.local:3771", "--data-dir",
                "/srv/zvonok/ivanov", "--login", "ivanov", "--password", "pass-Zq91"), Map.<String, String>of()::get,
                HOME, NO_STDIN);
        LaunchOptions fromEnvironment = LaunchOptions.parse(List.of(),
                Map.of("ZVONOK_APP_HOME", "/srv/zvonok/petrov")::get, HOME, NO_STDIN);
        LaunchOptions plain = LaunchOptions.parse(List.of(), Map.<String, String>of()::get, HOME, NO_STDIN);

        assertThat(named.withoutCredentials()).containsExactly("--server", "http://pbx-crm.local:3771",
                "--data-dir", Path.of("/srv/zvonok/ivanov").toAbsolutePath().toString());
        assertThat(fromEnvironment.withoutCredentials())
                .as("the variable is not there at login: the entry names the directory")
                .containsExactly("--data-dir", Path.of("/srv/zvonok/petrov").toAbsolutePath().toString());
        assertThat(plain.withoutCredentials()).isEmpty();
    }
}
