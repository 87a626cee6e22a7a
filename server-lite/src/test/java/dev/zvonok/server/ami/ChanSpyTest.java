package dev.zvonok.server.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zvonok.model.board.SpyMode;
import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.pbx.AcknowledgingCallControl;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.AsteriskIdentity;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Originate that listen / whisper / barge sends, as the PBX receives it over asterisk-java. */
class ChanSpyTest {

    /** May read calls and resync, but not originate. */
    private static final AmiAccount NO_ORIGINATE = AmiAccount.of("noorig", "noorig-secret", "call,agent",
            "call,reporting");

    private final List<AmiMessage> originates = new CopyOnWriteArrayList<>();
    private final AcknowledgingCallControl asterisk = new AcknowledgingCallControl();
    private AmiEndpoint pbx;

    @BeforeEach
    void start() {
        pbx = AmiEndpoint.builder().identity(AsteriskIdentity.ASTERISK_22).account(NO_ORIGINATE)
                .callControl(request -> {
                    originates.add(request.action());
                    asterisk.handle(request);
                }).build().start();
    }

    @AfterEach
    void stop() {
        pbx.close();
    }

    @Test
    void ringsTheSupervisorsPhoneIntoChanSpyOnTheOperatorsWholeChannel() throws Exception {
        spy(AmiAccount.CTI, SpyMode.LISTEN);

        AmiMessage originate = originates.getFirst();
        assertThat(originate.get("Channel")).isEqualTo("PJSIP/700");
        assertThat(originate.get("Application")).isEqualTo("ChanSpy");
        assertThat(originate.get("Data")).isEqualTo("PJSIP/777-00000012,uqES");
        assertThat(originate.get("Exten")).isNull();
        assertThat(originate.get("Context")).isNull();
        assertThat(originate.get("CallerID")).isEqualTo("\"listen: Ivan Ivanov\" <700>");
        assertThat(originate.get("Timeout")).isEqualTo("30000");
        assertThat(originate.get("Async")).isEqualTo("true");
    }

    @Test
    void whisperAndBargeAddTheirOptions() throws Exception {
        spy(AmiAccount.CTI, SpyMode.WHISPER);
        spy(AmiAccount.CTI, SpyMode.BARGE);

        assertThat(originates).extracting(o -> o.get("Data"))
                .containsExactly("PJSIP/777-00000012,uqESw", "PJSIP/777-00000012,uqESB");
    }

    @Test
    void aPbxThatRefusesOriginateSaysWhatToAdd() {
        assertThatThrownBy(() -> spy(NO_ORIGINATE, SpyMode.LISTEN)).isInstanceOf(IOException.class)
                .hasMessageContaining("add 'originate' to the 'write =' line of [noorig]");
        assertThat(originates).as("refused before call control").isEmpty();
    }

    @Test
    void theSupervisorPickingUpComesBackAsTheOrdersOutcome() throws Exception {
        try (AmiConnection connection = new AmiConnection(AmiSettings.of("127.0.0.1", pbx.port(),
                AmiAccount.CTI.username(), AmiAccount.CTI.secret()), event -> { }).start()) {
            assertThat(connection.awaitConnected(Duration.ofSeconds(10))).isTrue();
            java.util.concurrent.CompletableFuture<OriginateOutcome> outcome = new java.util.concurrent.CompletableFuture<>();
            new ChanSpy(connection, ClickToCall.Settings.defaults())
                    .spy("700", "PJSIP/777-00000012", SpyMode.LISTEN, "listen: Ivan Ivanov", outcome::complete);
            assertThat(outcome.get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .isEqualTo(OriginateOutcome.ANSWERED);
        }
    }

    @Test
    void aLinkLostWhileThePhoneRingsMakesTheOutcomeUnknownNotAFailure() throws Exception {
        pbx.close();
        // the supervisor's phone rings on: Asterisk accepted the order and has not reported its fate yet
        pbx = AmiEndpoint.builder().identity(AsteriskIdentity.ASTERISK_22)
                .callControl(request -> request.success("Originate successfully queued")).build().start();
        try (AmiConnection connection = new AmiConnection(AmiSettings.of("127.0.0.1", pbx.port(),
                AmiAccount.CTI.username(), AmiAccount.CTI.secret()), event -> { }).start()) {
            assertThat(connection.awaitConnected(Duration.ofSeconds(10))).isTrue();
            List<OriginateOutcome> outcomes = new CopyOnWriteArrayList<>();
            java.util.concurrent.CountDownLatch heard = new java.util.concurrent.CountDownLatch(1);
            String order = new ChanSpy(connection, ClickToCall.Settings.defaults())
                    .spy("700", "PJSIP/777-00000012", SpyMode.LISTEN, "listen: Ivan Ivanov", outcome -> {
                        outcomes.add(outcome);
                        heard.countDown();
                    });
            assertThat(order).startsWith("zvonok-spy-");
            java.util.concurrent.CompletableFuture<String> lost = connection.nextLoss();

            pbx.dropAllConnections();

            lost.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(heard.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(connection.awaitConnected(Duration.ofSeconds(10))).as("logged in again").isTrue();
            // a second loss reports nothing more: each order is told its fate once
            java.util.concurrent.CompletableFuture<String> lostAgain = connection.nextLoss();
            pbx.dropAllConnections();
            lostAgain.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(outcomes).containsExactly(OriginateOutcome.UNKNOWN);
        }
    }

    @Test
    void aPbxThatSaysNothingLongAfterTheRingTimeoutMakesTheOutcomeUnknown() throws Exception {
        pbx.close();
        // Asterisk queued the order and never reported it, though the link stays up
        pbx = AmiEndpoint.builder().identity(AsteriskIdentity.ASTERISK_22)
                .callControl(request -> request.success("Originate successfully queued")).build().start();
        ClickToCall.Settings quick = ClickToCall.Settings.defaults().withRingTimeout(Duration.ofMillis(200))
                .withReportPatience(Duration.ofMillis(200));
        try (AmiConnection connection = new AmiConnection(AmiSettings.of("127.0.0.1", pbx.port(),
                AmiAccount.CTI.username(), AmiAccount.CTI.secret()), event -> { }).start()) {
            assertThat(connection.awaitConnected(Duration.ofSeconds(10))).isTrue();
            java.util.concurrent.CompletableFuture<OriginateOutcome> outcome = new java.util.concurrent.CompletableFuture<>();

            new ChanSpy(connection, quick)
                    .spy("700", "PJSIP/777-00000012", SpyMode.LISTEN, "listen: Ivan Ivanov", outcome::complete);

            assertThat(outcome.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(OriginateOutcome.UNKNOWN);
            assertThat(connection.state()).as("not a lost link").isEqualTo(AmiConnection.State.CONNECTED);
        }
    }

    @Test
    void thePbxsReasonSaysWhyThePhoneWasNotReached() {
        assertThat(OriginateOutcome.of("Failure", 5).reason()).isEqualTo("busy");
        assertThat(OriginateOutcome.of("Failure", 3).reason()).isEqualTo("no-answer");
        assertThat(OriginateOutcome.of("Failure", 1).reason()).isEqualTo("no-answer");
        assertThat(OriginateOutcome.of("Failure", 8).reason()).isEqualTo("congestion");
        assertThat(OriginateOutcome.of("Failure", 0).reason()).isEqualTo("unavailable");
        assertThat(OriginateOutcome.of("Success", 4)).isEqualTo(OriginateOutcome.ANSWERED);
        assertThat(OriginateOutcome.ANSWERED.connected()).isTrue();
        assertThat(OriginateOutcome.of("Failure", 5).connected()).isFalse();
    }

    @Test
    void aChannelNameCannotSmuggleOptions() {
        assertThatThrownBy(() -> ChanSpy.data("PJSIP/777-00000012,B", SpyMode.LISTEN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void spy(AmiAccount account, SpyMode mode) throws Exception {
        try (AmiConnection connection = new AmiConnection(AmiSettings.of("127.0.0.1", pbx.port(),
                account.username(), account.secret()), event -> { }).start()) {
            assertThat(connection.awaitConnected(Duration.ofSeconds(10))).isTrue();
            new ChanSpy(connection, ClickToCall.Settings.defaults())
                    .spy("700", "PJSIP/777-00000012", mode, mode.wireName() + ": Ivan Ivanov", outcome -> { });
        }
    }
}
