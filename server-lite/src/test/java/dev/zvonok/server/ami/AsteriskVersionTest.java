package dev.zvonok.server.ami;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.AsteriskIdentity;
import java.time.Duration;
import java.util.List;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Asterisk 22 (banner {@code Asterisk Call Manager/11.0.0}) is recognised as such, also by a manager account that
 * may not run {@code CoreSettings}: our endpoint as the pjsip recordings' PBX, real asterisk-java, real TCP.
 */
class AsteriskVersionTest {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<Logger> watched = List.of((Logger) LoggerFactory.getLogger("org.asteriskjava"),
            (Logger) LoggerFactory.getLogger(AmiConnection.class));
    private AmiEndpoint asterisk22;

    @BeforeEach
    void start() {
        logs.start();
        watched.forEach(logger -> logger.addAppender(logs));
        asterisk22 = AmiEndpoint.builder().identity(AsteriskIdentity.ASTERISK_22).build().start();
    }

    @AfterEach
    void stop() {
        asterisk22.close();
        watched.forEach(logger -> logger.detachAppender(logs));
    }

    @Test
    void anAccountThatMayRunCoreSettingsLearnsTheExactRelease() throws Exception {
        try (AmiConnection connection = connect(AmiAccount.CTIRS)) { // write = call,originate,reporting
            assertThat(connection.pbxVersion()).isEqualTo(new PbxVersion("22.10.1", "11.0.0"));
            assertThat(connection.pbxVersion().forLibrary()).isEqualTo(AsteriskVersion.ASTERISK_22);
        }
        assertThat(messages()).noneMatch(message -> message.contains("assuming Asterisk"));
    }

    @Test
    void anAccountWithoutReportingStillSeesAsterisk22AndNothingIsAssumed() throws Exception {
        try (AmiConnection connection = connect(AmiAccount.CTI)) { // write = call,originate: CoreSettings refused
            assertThat(connection.pbxVersion()).isEqualTo(new PbxVersion("22", "11.0.0"));
            assertThat(connection.pbxVersion().forLibrary()).isEqualTo(AsteriskVersion.ASTERISK_22);
        }
        assertThat(messages()).noneMatch(message -> message.contains("assuming Asterisk"))
                .anyMatch(message -> message.startsWith("Logged in to the PBX") && message.endsWith(
                        "Asterisk 22 (AMI 11.0.0)"));
    }

    /** What the above saves us from: the library as it comes, same account, same PBX. */
    @Test
    void asteriskJavaAsItComesAssumesAsterisk16There() throws Exception {
        ManagerConnection plain = new ManagerConnectionFactory("127.0.0.1", asterisk22.port(),
                AmiAccount.CTI.username(), AmiAccount.CTI.secret()).createManagerConnection();
        plain.login();
        try {
            assertThat(plain.getVersion()).isEqualTo(AsteriskVersion.ASTERISK_16);
            assertThat(messages()).anyMatch(message -> message.contains("assuming Asterisk 16"));
        } finally {
            plain.logoff();
        }
    }

    @Test
    void theBannerNamesTheRelease() {
        assertThat(PbxVersion.fromBanner("Asterisk Call Manager/9.0.0").asterisk()).isEqualTo("20");
        assertThat(PbxVersion.fromBanner("Asterisk Call Manager/11.0.0").asterisk()).isEqualTo("22");
        assertThat(PbxVersion.fromBanner("Asterisk Call Manager/12.0.0").forLibrary())
                .isEqualTo(AsteriskVersion.ASTERISK_23);
        assertThat(PbxVersion.fromBanner("Asterisk Call Manager/2.10.4").asterisk()).isEqualTo("13");
        assertThat(PbxVersion.fromBanner("Something else").isKnown()).isFalse();
    }

    private AmiConnection connect(AmiAccount account) throws InterruptedException {
        AmiConnection connection = new AmiConnection(AmiSettings.of("127.0.0.1", asterisk22.port(),
                account.username(), account.secret()), event -> { }).start();
        assertThat(connection.awaitConnected(Duration.ofSeconds(10))).isTrue();
        return connection;
    }

    private List<String> messages() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
