package dev.zvonok.server.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.AsteriskIdentity;
import dev.zvonok.server.tracking.ExtensionPatternEndpoints;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * When the PBX refuses an action for lack of permission ({@code Permission denied}, as Asterisk 22 answers), the log
 * and {@link AmiConnection#missingPermissions()} say what to add to which line of manager.conf.
 */
class ManagerPermissionsTest {

    /** The account the README's manager.conf example sets up: exactly what every feature needs. */
    private static final AmiAccount AS_THE_README_SAYS = AmiAccount.of("zvonok", "change-me", "call,agent",
            "originate,reporting");
    /** Everything but originate. */
    private static final AmiAccount NO_ORIGINATE = AmiAccount.of("noorig", "noorig-secret", "call,agent",
            "call,reporting");

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger connectionLog = (Logger) LoggerFactory.getLogger(AmiConnection.class);
    private AmiEndpoint asterisk22;

    @BeforeEach
    void start() {
        logs.start();
        connectionLog.addAppender(logs);
        asterisk22 = AmiEndpoint.builder().identity(AsteriskIdentity.ASTERISK_22).account(AS_THE_README_SAYS)
                .account(NO_ORIGINATE).build().start();
    }

    @AfterEach
    void stop() {
        asterisk22.close();
        connectionLog.detachAppender(logs);
    }

    @Test
    void aResyncRefusedForLackOfReportingIsNamedWithTheLineToChange() throws Exception {
        try (AmiCallTracking tracking = tracking(AmiAccount.CTI)) { // write = call,originate
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !tracking.connection().missingPermissions().isEmpty());

            assertThat(tracking.connection().missingPermissions())
                    .containsExactly("write: reporting (resync after reconnect)");
            assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement()
                    .extracting(ILoggingEvent::getFormattedMessage).asString()
                    .contains("CoreShowChannels", "'cti'", "add 'reporting' to the 'write =' line of [cti]");
        }
    }

    @Test
    void aClickToCallRefusedForLackOfOriginateSaysWhatToAdd() throws Exception {
        try (AmiCallTracking tracking = tracking(NO_ORIGINATE)) {
            ClickToCall clickToCall = new ClickToCall(tracking.connection(), PhoneNumbers.russian(),
                    ClickToCall.Settings.defaults());

            assertThatThrownBy(() -> clickToCall.call("777", "89271390907", outcome -> { })).isInstanceOf(IOException.class)
                    .hasMessageContaining("add 'originate' to the 'write =' line of [noorig]");
            assertThat(tracking.connection().missingPermissions()).containsExactly(
                    "write: originate (click-to-call, listen/whisper/barge)");
        }
    }

    @Test
    void theReadmesAccountIsRefusedNothing() throws Exception {
        try (AmiCallTracking tracking = tracking(AS_THE_README_SAYS)) {
            tracking.resyncAndWait(Duration.ofSeconds(10));
            new ClickToCall(tracking.connection(), PhoneNumbers.russian(), ClickToCall.Settings.defaults())
                    .call("777", "89271390907", outcome -> { });

            assertThat(tracking.connection().missingPermissions()).isEmpty();
            assertThat(tracking.connection().pbxVersion().asterisk()).isEqualTo("22.10.1");
            assertThat(logs.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
        }
    }

    private AmiCallTracking tracking(AmiAccount account) throws InterruptedException {
        AmiSettings settings = AmiSettings.of("127.0.0.1", asterisk22.port(), account.username(), account.secret());
        AmiCallTracking tracking = new AmiCallTracking(settings, PhoneNumbers.russian(),
                ExtensionPatternEndpoints.standard(), EventClock.pbxOrReceived(), event -> { }).start();
        assertThat(tracking.connection().awaitConnected(Duration.ofSeconds(10))).isTrue();
        return tracking;
    }
}
