package dev.zvonok.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dev.zvonok.server.ami.AmiSettings;
import dev.zvonok.server.ami.ClickToCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

    @Test
    void defaultsPointAtALocalAsterisk() {
        ServerConfig config = ServerConfig.from(ConfigFactory.defaultReference());

        AmiSettings ami = config.ami();
        assertThat(ami.address()).isEqualTo("127.0.0.1:5038");
        assertThat(ami.reconnectMaxDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(ami.pingAfterSilence()).isEqualTo(Duration.ofSeconds(1));
        assertThat(ami.pingTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.originate().channelTemplate()).isEqualTo("PJSIP/{extension}");
        assertThat(config.originate().reportPatience()).isEqualTo(ClickToCall.Settings.DEFAULT_REPORT_PATIENCE);
        assertThat(config.raw().getString("zvonok.database.url")).isEmpty();
        assertThat(config.phoneNumbers().normalize("8 927 139-09-07")).isEqualTo("+79271390907");
    }

    @Test
    void environmentOverridesTheFileWhichOverridesTheDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("zvonok.conf");
        Files.writeString(file, """
                zvonok.ami { host = "pbx.example.local", port = 5039, username = "cti", secret = "from-file" }
                """);
        var layered = ServerConfig.fromEnvironment(Map.of("ZVONOK_AMI_SECRET", "from-env", "PATH", "/bin"))
                .withFallback(ConfigFactory.parseFile(file.toFile()))
                .withFallback(ConfigFactory.defaultReference())
                .resolve();

        AmiSettings ami = ServerConfig.from(layered).ami();
        assertThat(ami.host()).isEqualTo("pbx.example.local");
        assertThat(ami.port()).isEqualTo(5039);
        assertThat(ami.username()).isEqualTo("cti");
        assertThat(ami.secret()).isEqualTo("from-env");
    }

    @Test
    void theChannelTechnologyAndTheLivenessTimesAreSettings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chan_sip.conf");
        Files.writeString(file, """
                zvonok.originate.channel = "SIP/{extension}"
                zvonok.ami { ping-after-silence = 3s, ping-timeout = 2s }
                """);

        ServerConfig config = ServerConfig.load(file);

        assertThat(config.originate().channelTemplate()).isEqualTo("SIP/{extension}");
        assertThat(config.ami().pingAfterSilence()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.ami().pingTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void queueMemberTemplatesComeFromTheEnvironmentOrTheDefaults() {
        ServerConfig defaults = ServerConfig.from(ConfigFactory.defaultReference());
        assertThat(defaults.queueMemberInterfaces().extensionOf("Local/777@from-queue/n")).contains("777");

        var fromEnvironment = ServerConfig.fromEnvironment(
                        Map.of("ZVONOK_QUEUE_MEMBER_INTERFACES", "PJSIP/{ext}, Local/{ext}@agents/n"))
                .withFallback(ConfigFactory.defaultReference()).resolve();
        var templates = ServerConfig.from(fromEnvironment).queueMemberInterfaces();
        assertThat(templates.templates()).containsExactly("PJSIP/{ext}", "Local/{ext}@agents/n");
        assertThat(templates.extensionOf("Local/777@from-queue/n")).isEmpty();
        assertThat(templates.extensionOf("Local/777@agents/n")).contains("777");
    }

    @Test
    void breakReasonsByDefaultFromTheEnvironmentAndNeverNone() {
        assertThat(ServerConfig.from(ConfigFactory.defaultReference()).breakReasons().codes())
                .containsExactly("lunch", "training", "meeting", "other");
        var fromEnvironment = ServerConfig.fromEnvironment(Map.of("ZVONOK_BREAK_REASONS", "Lunch, smoke ,other"))
                .withFallback(ConfigFactory.defaultReference()).resolve();
        assertThat(ServerConfig.from(fromEnvironment).breakReasons().codes()).containsExactly("lunch", "smoke", "other");
        var none = ConfigFactory.parseString("zvonok.work-status.break-reasons = []")
                .withFallback(ConfigFactory.defaultReference()).resolve();
        assertThatThrownBy(() -> ServerConfig.from(none).breakReasons())
                .isInstanceOf(ServerConfig.InvalidConfigException.class).hasMessageContaining("break-reasons");
    }

    @Test
    void trustedProxiesAndLoginLimits() {
        ServerConfig defaults = ServerConfig.from(ConfigFactory.defaultReference());
        assertThat(defaults.http().trustedProxies()).as("nobody's X-Forwarded-For is believed").isEmpty();
        assertThat(defaults.auth().loginLimits()).isEqualTo(dev.zvonok.server.auth.LoginLimits.defaults());

        var fromEnvironment = ServerConfig.fromEnvironment(Map.of("ZVONOK_TRUSTED_PROXIES", " 10.0.0.5, fd00::/8 "))
                .withFallback(ConfigFactory.defaultReference()).resolve();
        assertThat(ServerConfig.from(fromEnvironment).http().trustedProxies()).extracting(Object::toString)
                .containsExactly("10.0.0.5", "fd00:0:0:0:0:0:0:0/8");

        var named = ConfigFactory.parseString("zvonok.http.trusted-proxies = [\"proxy.example.com\"]")
                .withFallback(ConfigFactory.defaultReference()).resolve();
        assertThatThrownBy(() -> ServerConfig.from(named).http())
                .isInstanceOf(ServerConfig.InvalidConfigException.class)
                .hasMessageContaining("zvonok.http.trusted-proxies").hasMessageContaining("proxy.example.com");
    }

    @Test
    void tlsIsOffByDefaultAndTakesPemFilesOrAKeystore() {
        assertThat(ServerConfig.from(ConfigFactory.defaultReference()).http().tls()).isEmpty();

        var pem = ServerConfig.fromEnvironment(Map.of("ZVONOK_TLS_CERTIFICATE", "/etc/zvonok/fullchain.pem",
                        "ZVONOK_TLS_PRIVATE_KEY", "/etc/zvonok/privkey.pem"))
                .withFallback(ConfigFactory.defaultReference()).resolve();
        HttpSettings fromPem = ServerConfig.from(pem).http();
        assertThat(fromPem.tls().orElseThrow().certificate()).isEqualTo(Path.of("/etc/zvonok/fullchain.pem"));
        assertThat(fromPem.tls().orElseThrow().privateKey()).isEqualTo(Path.of("/etc/zvonok/privkey.pem"));

        var keystore = ConfigFactory.parseString(
                        "zvonok.http.tls { keystore = \"/etc/zvonok/server.p12\", keystore-password = \"pw\" }")
                .withFallback(ConfigFactory.defaultReference()).resolve();
        assertThat(ServerConfig.from(keystore).http().tls().orElseThrow().keystore())
                .isEqualTo(Path.of("/etc/zvonok/server.p12"));

        var half = ConfigFactory.parseString("zvonok.http.tls.certificate = \"/etc/zvonok/fullchain.pem\"")
                .withFallback(ConfigFactory.defaultReference()).resolve();
        assertThatThrownBy(() -> ServerConfig.from(half).http())
                .isInstanceOf(ServerConfig.InvalidConfigException.class)
                .hasMessageContaining("zvonok.http.tls.private-key");
    }

    @Test
    void badValuesAreReportedWithTheirPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.conf");
        Files.writeString(file, "zvonok.ami.port = \"not a port\"\n");

        assertThatThrownBy(() -> ServerConfig.load(file).ami())
                .isInstanceOf(ServerConfig.InvalidConfigException.class)
                .hasMessageContaining("zvonok.ami.port");
        assertThatThrownBy(() -> ServerConfig.load(dir.resolve("missing.conf")))
                .isInstanceOf(ServerConfig.InvalidConfigException.class)
                .hasMessageContaining("missing.conf");
    }

    @Test
    void theStatisticsCountInTheCallCentresDaysFromItsBoundary() {
        ServerConfig defaults = ServerConfig.from(ConfigFactory.defaultReference());
        assertThat(defaults.stats()).isEqualTo(dev.zvonok.server.stats.StatsSettings.standard(
                java.time.ZoneId.of("Europe/Moscow")));

        var sixAm = ConfigFactory.parseString("zvonok.stats { day-starts-at = \"06:00\", service-level = 30s }")
                .withFallback(ConfigFactory.defaultReference()).resolve();
        assertThat(ServerConfig.from(sixAm).stats().dayStartsAt()).isEqualTo(java.time.LocalTime.of(6, 0));
        assertThat(ServerConfig.from(sixAm).stats().serviceLevelSeconds()).isEqualTo(30);

        var bad = ConfigFactory.parseString("zvonok.stats.day-starts-at = \"6 am\"")
                .withFallback(ConfigFactory.defaultReference()).resolve();
        assertThatThrownBy(() -> ServerConfig.from(bad).stats())
                .isInstanceOf(ServerConfig.InvalidConfigException.class)
                .hasMessageContaining("zvonok.stats.day-starts-at").hasMessageContaining("6 am");
    }

    @Test
    void withoutADatabaseUrlNothingStartsUnlessTheEmbeddedOneIsAskedFor(@TempDir Path dir) {
        ServerConfig bare = ServerConfig.from(ConfigFactory.defaultReference());
        assertThatThrownBy(bare::database)
                .isInstanceOf(ServerConfig.InvalidConfigException.class)
                .hasMessageContaining("no database is configured").hasMessageContaining("ZVONOK_DB_URL")
                .hasMessageContaining("ZVONOK_DB_EMBEDDED=true");

        var tryingOut = ServerConfig.fromEnvironment(Map.of("ZVONOK_DB_EMBEDDED", "true",
                        "ZVONOK_DATA_DIR", dir.resolve("pg").toString()))
                .withFallback(ConfigFactory.defaultReference()).resolve();
        var embedded = ServerConfig.from(tryingOut).database();
        assertThat(embedded.isEmbedded()).isTrue();
        assertThat(embedded.description()).startsWith("embedded PostgreSQL in " + dir.resolve("pg").toAbsolutePath())
                .contains("not for production");

        var real = ServerConfig.fromEnvironment(Map.of("ZVONOK_DB_URL", "jdbc:postgresql://localhost:5432/zvonok",
                        "ZVONOK_DB_USER", "zvonok", "ZVONOK_DB_PASSWORD", "secret-Zq90"))
                .withFallback(ConfigFactory.defaultReference()).resolve();
        assertThat(ServerConfig.from(real).database().description())
                .isEqualTo("PostgreSQL at jdbc:postgresql://localhost:5432/zvonok as zvonok");
    }
}
