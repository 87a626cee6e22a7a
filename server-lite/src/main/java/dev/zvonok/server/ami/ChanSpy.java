package dev.zvonok.server.ami;

import dev.zvonok.model.board.SpyMode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

/**
 * Listen, whisper, barge: asks Asterisk to ring the supervisor's own phone and, once it is picked up, to run the
 * {@code ChanSpy} application on the operator's channel ({@code Originate} with {@code Application: ChanSpy},
 * {@code Async: true}). No dialplan is needed on the PBX, only the {@code originate} permission of the manager
 * account: ChanSpy is not one of the applications Asterisk reserves to {@code system} (main/manager.c).
 *
 * <p>The options (apps/app_chanspy.c): {@code u} — the argument is a whole channel name, not a prefix that could
 * match another operator's channel; {@code q} — no beep and no channel name read out to the supervisor; {@code E}
 * — hang up the supervisor's phone when the operator's call ends; {@code S} — hang up at once if that channel is
 * already gone when the supervisor answers; then {@code w} to whisper to the operator alone, or {@code B} to speak
 * to both sides.
 */
public final class ChanSpy {

    private static final String OPTIONS = "uqES";

    /** How long after its ring timeout an order's outcome is still waited for (a lost link never reports it). */
    private static final Duration OUTCOME_PATIENCE = Duration.ofMinutes(1);

    /**
     * What became of the supervisor's phone ({@code OriginateResponse}), or that it will never be known.
     *
     * @param reason {@code answered}, {@code no-answer}, {@code busy}, {@code congestion} or {@code failed} as the
     *               PBX reported it; {@code unknown} when the PBX can no longer report it (the link was lost, or
     *               nothing came long after the ring timeout): the phone may or may not have been picked up
     */
    public record Outcome(boolean connected, String reason) {

        /** The link to the PBX was lost before it reported the outcome: not a failure, not a success. */
        public static final Outcome UNKNOWN = new Outcome(false, "unknown");

        /** Asterisk's {@code Response} and {@code Reason} (the control frame that ended the dialling). */
        static Outcome of(String response, Integer reason) {
            boolean success = "Success".equalsIgnoreCase(response);
            String why = switch (reason == null ? -1 : reason) {
                case 4 -> "answered"; // AST_CONTROL_ANSWER
                case 5 -> "busy"; // AST_CONTROL_BUSY
                case 8 -> "congestion"; // AST_CONTROL_CONGESTION
                case 1, 3 -> "no-answer"; // hung up, or still ringing when the time ran out
                default -> success ? "answered" : "failed";
            };
            return new Outcome(success, why);
        }
    }

    private record Waiting(Consumer<Outcome> listener, Instant until) {
    }

    /** The outcome of the order {@code actionId}, heard once: from the PBX, or {@link Outcome#UNKNOWN}. */
    private void report(String actionId, Outcome outcome) {
        Waiting order = waiting.remove(actionId);
        if (order != null) {
            order.listener().accept(outcome);
        }
    }

    private final AmiConnection pbx;
    private final ClickToCall.Settings phones;
    private final AtomicLong orders = new AtomicLong();
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    /** @param phones how a phone is dialled ({@code PJSIP/{extension}}...) and how long it may ring: click-to-call's */
    public ChanSpy(AmiConnection pbx, ClickToCall.Settings phones) {
        this.pbx = pbx;
        this.phones = phones;
        // asterisk-java's reader thread: only a lookup and the listener's hand-over
        pbx.addEventListener(event -> {
            if (event instanceof OriginateResponseEvent response && response.getActionId() != null) {
                report(response.getActionId(), Outcome.of(response.getResponse(), response.getReason()));
            }
        });
    }

    /**
     * Rings {@code supervisorExtension}; returns once Asterisk has accepted it ("Originate successfully queued").
     * {@code outcome} hears later, exactly once, whether the supervisor picked up — or {@link Outcome#UNKNOWN} when
     * the link to the PBX is lost first (an {@code OriginateResponse} is never replayed on a new login) — on
     * asterisk-java's or the connection's thread: it must not block.
     *
     * @param operatorChannel the channel carrying the operator's conversation, e.g. {@code PJSIP/777-00000012}
     * @param shownAs         what the supervisor's phone shows as the caller: whom they are about to hear
     * @return the order's ActionID, which its outcome's audit row repeats
     * @throws IOException when the PBX is not connected or refuses
     */
    public String spy(String supervisorExtension, String operatorChannel, SpyMode mode, String shownAs,
                    Consumer<Outcome> outcome) throws IOException {
        Instant now = Instant.now();
        waiting.entrySet().stream().filter(order -> order.getValue().until().isBefore(now)).map(Map.Entry::getKey)
                .toList().forEach(expired -> report(expired, Outcome.UNKNOWN));
        String actionId = "zvonok-spy-" + orders.incrementAndGet();
        OriginateAction originate = new OriginateAction();
        originate.setActionId(actionId);
        originate.setChannel(phones.channelTemplate().replace("{extension}", supervisorExtension));
        originate.setApplication("ChanSpy");
        originate.setData(data(operatorChannel, mode));
        String name = shownAs.replaceAll("[\"<>\\r\\n]", "").strip();
        originate.setCallerId("\"" + name + "\" <" + supervisorExtension + ">");
        originate.setTimeout(phones.ringTimeout().toMillis());
        originate.setAsync(true);
        // waiting before it is sent: the outcome of a phone that answers at once may come right behind the response
        waiting.put(actionId, new Waiting(outcome, now.plus(phones.ringTimeout()).plus(OUTCOME_PATIENCE)));
        // the loss of the connection the order goes out on (taken before sending, so that none slips between)
        CompletableFuture<String> lost = pbx.nextLoss();
        ManagerResponse response;
        try {
            response = pbx.send(originate);
        } catch (IOException e) {
            waiting.remove(actionId);
            throw e;
        }
        if (response instanceof ManagerError error) {
            waiting.remove(actionId);
            if (ManagerPermission.isDenial(error)) {
                throw new IOException("the PBX refused: server-lite's manager account may not originate calls ("
                        + ManagerPermission.CLICK_TO_CALL.advice(pbx.username()) + ")");
            }
            throw new IOException("the PBX refused: " + error.getMessage());
        }
        lost.thenRun(() -> report(actionId, Outcome.UNKNOWN));
        return actionId;
    }

    /** ChanSpy's arguments: the channel, then the options ({@code PJSIP/777-00000012,uqESw}). */
    static String data(String operatorChannel, SpyMode mode) {
        if (operatorChannel.indexOf(',') >= 0) {
            throw new IllegalArgumentException("not a channel name: " + operatorChannel); // ChanSpy's separator
        }
        return operatorChannel + "," + OPTIONS + switch (mode) {
            case LISTEN -> "";
            case WHISPER -> "w";
            case BARGE -> "B";
        };
    }
}
