package dev.zvonok.server.ami;

import dev.zvonok.model.phone.PhoneNumbers;
import java.io.IOException;
import java.time.Duration;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

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
     */
    public record Settings(String channelTemplate, String context, Duration ringTimeout, NumberFormat numberFormat) {

        public static Settings defaults() {
            return new Settings("PJSIP/{extension}", "from-internal", Duration.ofSeconds(30), NumberFormat.E164);
        }
    }

    private final AmiConnection pbx;
    private final PhoneNumbers numbers;
    private final Settings settings;

    public ClickToCall(AmiConnection pbx, PhoneNumbers numbers, Settings settings) {
        this.pbx = pbx;
        this.numbers = numbers;
        this.settings = settings;
    }

    /**
     * Places the call; returns once Asterisk has accepted it ("Originate successfully queued").
     *
     * @throws IllegalArgumentException when the number cannot be dialled
     * @throws IOException              when the PBX is not connected or refuses
     */
    public void call(String extension, String number) throws IOException {
        String dialled = dialable(number);
        OriginateAction originate = new OriginateAction();
        originate.setChannel(settings.channelTemplate().replace("{extension}", extension));
        originate.setContext(settings.context());
        originate.setExten(dialled);
        originate.setPriority(1);
        originate.setCallerId("\"" + dialled + "\" <" + dialled + ">");
        originate.setTimeout(settings.ringTimeout().toMillis());
        originate.setAsync(true);
        ManagerResponse response = pbx.send(originate);
        if (response instanceof ManagerError error) {
            if (ManagerPermission.isDenial(error)) {
                throw new IOException("the PBX refused the call: server-lite's manager account may not place calls ("
                        + ManagerPermission.CLICK_TO_CALL.advice(pbx.username()) + ")");
            }
            throw new IOException("the PBX refused the call: " + error.getMessage());
        }
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
