package dev.zvonok.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files of the server's Debian package (src/packaging/deb) as an administrator meets them; the package itself is
 * built and installed only by the installer profile.
 */
class ServerPackageFilesTest {

    private static final Path PACKAGING = Path.of("src/packaging/deb");
    private static final Path SERVER_CONF = PACKAGING.resolve("root/etc/zvonok/server.conf");
    private static final Path UNIT = PACKAGING.resolve("root/usr/lib/systemd/system/zvonok-server.service");
    private static final Path LAUNCHER = PACKAGING.resolve("root/usr/bin/zvonok-server");

    /** A commented setting with its variable: {@code # port = 3771   # ZVONOK_HTTP_PORT}. */
    private static final Pattern DOCUMENTED = Pattern.compile("^(\\s*)#\\s*([\\w.-]+\\s*=.*?)\\s+#\\s*(ZVONOK_\\w+).*$");

    @Test
    void theConfigurationFileDocumentsEveryVariableAtTheSettingItOverrides() throws IOException {
        List<String> uncommented = new ArrayList<>();
        Map<String, String> documented = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(SERVER_CONF)) {
            Matcher setting = DOCUMENTED.matcher(line);
            if (setting.matches()) {
                documented.put(setting.group(3), setting.group(2));
                uncommented.add(setting.group(1) + setting.group(2));
            } else {
                uncommented.add(line);
            }
        }

        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(ServerConfig.ENVIRONMENT.keySet());
        // with every documented line uncommented, each variable's setting is there, in the block it belongs to
        Config everything = ConfigFactory.parseString(String.join("\n", uncommented));
        ServerConfig.ENVIRONMENT.forEach((variable, path) ->
                assertThat(everything.hasPath(path)).as(variable + " documents " + path).isTrue());
        // and the values shown are valid ones
        ServerConfig config = ServerConfig.from(everything.withFallback(ConfigFactory.defaultReference()).resolve());
        assertThat(config.http().port()).isEqualTo(3771);
        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://localhost:5432/zvonok");
    }

    @Test
    void asShippedTheFileSetsNothingAndReadsTheGeneratedDatabaseSettings(@TempDir Path dir) throws IOException {
        Config shipped = ConfigFactory.parseFile(SERVER_CONF.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        assertThat(shipped.entrySet()).as("every setting commented").isEmpty();

        // the same include, pointed at a database.conf such as setup-database writes
        Path database = dir.resolve("database.conf");
        Files.writeString(database, """
                zvonok.database {
                  url = "jdbc:postgresql://localhost:5432/zvonok"
                  user = "zvonok"
                  password = "0123abcd"
                }
                """);
        Path conf = dir.resolve("server.conf");
        Files.writeString(conf, Files.readString(SERVER_CONF).replace("/etc/zvonok/database.conf", database.toString())
                + "zvonok.http.port = 3772\n");
        ServerConfig config = ServerConfig.from(ConfigFactory.parseFile(conf.toFile())
                .withFallback(ConfigFactory.defaultReference()).resolve());
        assertThat(config.database().description()).isEqualTo("PostgreSQL at jdbc:postgresql://localhost:5432/zvonok as zvonok");
        assertThat(config.database().password()).isEqualTo("0123abcd");
        assertThat(config.http().port()).isEqualTo(3772);
    }

    @Test
    void theUnitRunsTheLauncherAsTheZvonokUserHardened() throws IOException {
        String unit = Files.readString(UNIT);
        assertThat(unit).contains("ExecStart=/usr/bin/zvonok-server serve", "User=zvonok", "NoNewPrivileges=yes",
                "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "ReadWritePaths=/var/lib/zvonok",
                "RestartPreventExitStatus=2");
        assertThat(Files.isExecutable(LAUNCHER)).isTrue();
    }

    @Test
    void theUnitPassesSystemdAnalyzeVerify(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd-analyze is not installed");
        // verify wants ExecStart's program on this machine: the launcher from the source tree stands in for it
        Path unit = dir.resolve("zvonok-server.service");
        Files.writeString(unit, Files.readString(UNIT).replace("ExecStart=/usr/bin/zvonok-server",
                "ExecStart=" + LAUNCHER.toAbsolutePath()));
        Process verify = new ProcessBuilder("/usr/bin/systemd-analyze", "verify", unit.toString())
                .redirectErrorStream(true).start();
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(verify.getInputStream().readAllBytes());
        assertThat(verify.exitValue()).as(output).isZero();
        assertThat(output).as("no warnings either").doesNotContain("zvonok-server.service");
    }

    @Test
    void theMaintainerScriptsAreValidShell() throws Exception {
        for (Path script : List.of(PACKAGING.resolve("debian/postinst"), PACKAGING.resolve("debian/prerm"),
                PACKAGING.resolve("debian/postrm"), PACKAGING.resolve("root/usr/lib/zvonok-server/setup-database"),
                LAUNCHER)) {
            Process check = new ProcessBuilder("sh", "-n", script.toString()).redirectErrorStream(true).start();
            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as(script + ": " + new String(check.getInputStream().readAllBytes()))
                    .isZero();
            assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
        }
    }
}
