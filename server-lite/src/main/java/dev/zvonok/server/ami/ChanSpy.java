package dev.zvonok.server.ami;

import dev.zvonok.model.board.SpyMode;
import java.io.IOException;
import java.util.function.Consumer;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerError;

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

    private final AmiConnection pbx;
    private final ClickToCall.Settings phones;
    private final OriginateFollower orders;

    /** @param phones how a phone is dialled ({@code PJSIP/{extension}}...) and how long it may ring: click-to-call's */
    public ChanSpy(AmiConnection pbx, ClickToCall.Settings phones) {
        this.pbx = pbx;
        this.phones = phones;
        this.orders = new OriginateFollower(pbx, "zvonok-spy-");
    }

    /**
     * Rings {@code supervisorExtension}; returns once Asterisk has accepted it ("Originate successfully queued").
     * {@code outcome} hears later, exactly once, whether the supervisor picked up — or
     * {@link OriginateOutcome#UNKNOWN} when the link to the PBX is lost first (an {@code OriginateResponse} is never
     * replayed on a new login) or the PBX says nothing long after the ring timeout — on asterisk-java's or a timer's
     * thread: it must not block.
     *
     * @param operatorChannel the channel carrying the operator's conversation, e.g. {@code PJSIP/777-00000012}
     * @param shownAs         what the supervisor's phone shows as the caller: whom they are about to hear
     * @return the order's ActionID, which its outcome's audit row repeats
     * @throws IOException when the PBX is not connected or refuses
     */
    public String spy(String supervisorExtension, String operatorChannel, SpyMode mode, String shownAs,
                    Consumer<OriginateOutcome> outcome) throws IOException {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(phones.channelTemplate().replace("{extension}", supervisorExtension));
        originate.setApplication("ChanSpy");
        originate.setData(data(operatorChannel, mode));
        String name = shownAs.replaceAll("[\"<>\\r\\n]", "").strip();
        originate.setCallerId("\"" + name + "\" <" + supervisorExtension + ">");
        originate.setTimeout(phones.ringTimeout().toMillis());
        OriginateFollower.Sent sent = orders.send(originate, phones.outcomeWait(), outcome);
        if (sent.response() instanceof ManagerError error) {
            if (ManagerPermission.isDenial(error)) {
                throw new IOException("the PBX refused: server-lite's manager account may not originate calls ("
                        + ManagerPermission.CLICK_TO_CALL.advice(pbx.username()) + ")");
            }
            throw new IOException("the PBX refused: " + error.getMessage());
        }
        return sent.actionId();
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
