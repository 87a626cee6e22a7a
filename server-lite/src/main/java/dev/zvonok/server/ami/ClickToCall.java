package dev.zvonok.server.ami;

import dev.zvonok.model.phone.PhoneNumbers;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerError;

/**
 * Click-to-call: asks Asterisk to ring the operator's own phone and, once it is picked up, to dial the number
 * ({@code Originate} with {@code Async: true}), as the dialplan would for a number dialled on the phone.
 */
public final class ClickToCall {

    /** How the number is written into the dialplan: {@code +79271390907}, {@code 89271390907} or as typed. */
    public enum NumberFormat { E164, NATIONAL, AS_TYPED }

    /**
     * @param channelTemplate the operator's phone as a dial string, {@code {extension}} replaced:
     *                        {@code PJSIP/{extension}} (the default: chan_pjsip, the only SIP driver from Asterisk 21
     *                        on), {@code SIP/{extension}} for chan_sip, or a dialplan route such as
     *                        {@code Local/{extension}@from-internal} to ring every device of the operator
     * @param context         the dialplan context the phone's own calls run in
     * @param reportPatience  how long after the ring timeout the PBX's word on a call ({@code OriginateResponse}) is
     *                        still waited for; after that its outcome is unknown
     */
    public record Settings(String channelTemplate, String context, Duration ringTimeout, NumberFormat numberFormat,
                           Duration reportPatience) {

        /** Asterisk reports within the ring timeout; a minute more covers a PBX under load, and nothing is lost. */
        public static final Duration DEFAULT_REPORT_PATIENCE = Duration.ofMinutes(1);

        public Settings(String channelTemplate, String context, Duration ringTimeout, NumberFormat numberFormat) {
            this(channelTemplate, context, ringTimeout, numberFormat, DEFAULT_REPORT_PATIENCE);
        }

        public static Settings defaults() {
            return new Settings("PJSIP/{extension}", "from-internal", Duration.ofSeconds(30), NumberFormat.E164);
        }

        public Settings withRingTimeout(Duration timeout) {
            return new Settings(channelTemplate, context, timeout, numberFormat, reportPatience);
        }

        public Settings withReportPatience(Duration patience) {
            return new Settings(channelTemplate, context, ringTimeout, numberFormat, patience);
        }

        /** How long an order's outcome is waited for in all, from when it was sent. */
        Duration outcomeWait() {
            return ringTimeout.plus(reportPatience);
        }
    }

    private final AmiConnection pbx;
    private final PhoneNumbers numbers;
    private final Settings settings;
    private final OriginateFollower orders;

    public ClickToCall(AmiConnection pbx, PhoneNumbers numbers, Settings settings) {
        this.pbx = pbx;
        this.numbers = numbers;
        this.settings = settings;
        this.orders = new OriginateFollower(pbx, "zvonok-dial-");
    }

    /**
     * Places the call; returns once Asterisk has accepted it ("Originate successfully queued"). {@code outcome} hears
     * later, exactly once, whether the operator's phone was reached (Asterisk reports it once the phone answered or
     * the dialling ended) — or {@link OriginateOutcome#UNKNOWN} when the link to the PBX is lost first or the PBX
     * says nothing within {@link Settings#reportPatience()} after the ring timeout — on asterisk-java's or a timer's
     * thread: it must not block.
     *
     * @return the order's ActionID
     * @throws IllegalArgumentException when the number cannot be dialled
     * @throws IOException              when the PBX is not connected or refuses
     */
    public String call(String extension, String number, Consumer<OriginateOutcome> outcome) throws IOException {
        String dialled = dialable(number);
        OriginateAction originate = new OriginateAction();
        originate.setChannel(channelOf(extension));
        originate.setContext(settings.context());
        originate.setExten(dialled);
        originate.setPriority(1);
        originate.setCallerId("\"" + dialled + "\" <" + dialled + ">");
        originate.setTimeout(settings.ringTimeout().toMillis());
        OriginateFollower.Sent sent = orders.send(originate, settings.outcomeWait(), outcome);
        if (sent.response() instanceof ManagerError error) {
            if (ManagerPermission.isDenial(error)) {
                throw new IOException("the PBX refused the call: server-lite's manager account may not place calls ("
                        + ManagerPermission.CLICK_TO_CALL.advice(pbx.username()) + ")");
            }
            throw new IOException("the PBX refused the call: " + error.getMessage());
        }
        return sent.actionId();
    }

    /** The dial string the operator's phone is rung by: {@code PJSIP/777}. */
    public String channelOf(String extension) {
        return settings.channelTemplate().replace("{extension}", extension);
    }

    private String dialable(String number) {
        String normalized = numbers.normalize(number);
        if (normalized == null) {
            throw new IllegalArgumentException("not a phone number: " + number);
        }
        return switch (settings.numberFormat()) {
            case E164 -> normalized;
            case NATIONAL -> numbers.nationalDigits(normalized);
            case AS_TYPED -> number.strip();
        };
    }
}
