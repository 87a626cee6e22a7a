package dev.zvonok.server.ami;

import org.asteriskjava.manager.AsteriskMapping;
import org.asteriskjava.manager.event.CoreShowChannelEvent;

/**
 * {@code CoreShowChannel} with the field asterisk-java 3.42.2 has no setter for: {@code BridgedDuration}, how long
 * the channel has been in its bridge (talking). With {@code Duration} (how long it has existed) it gives a call found
 * by a resync its real ring and answer times instead of the moment the resync saw it. Registered in place of the
 * library's class on every connection ({@link AmiEventClasses}).
 */
@AsteriskMapping("CoreShowChannel")
public class ResyncChannelEvent extends CoreShowChannelEvent {

    private static final long serialVersionUID = 1L;

    private String bridgedDuration;

    public ResyncChannelEvent(Object source) {
        super(source);
    }

    /** {@code HH:MM:SS} in the bridge; null when the PBX did not say. */
    public String getBridgedDuration() {
        return bridgedDuration;
    }

    public void setBridgedDuration(String bridgedDuration) {
        this.bridgedDuration = bridgedDuration;
    }
}
