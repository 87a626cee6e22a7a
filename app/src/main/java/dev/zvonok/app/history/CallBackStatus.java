package dev.zvonok.app.history;

import dev.zvonok.model.ws.DialFailure;
import java.util.Objects;

/**
 * The last "Call back" of a list, and how it went.
 *
 * @param number the number being called back
 * @param why    why the desk phone was not reached; only at {@link Stage#NOT_REACHED}
 */
public record CallBackStatus(String number, Stage stage, DialFailure why) {

    public enum Stage {
        /** Sent; waiting for the server to accept it. */
        REQUESTED,
        /** Accepted: the desk phone rings, and dials when the operator picks up. */
        PHONE_RINGING,
        /** Refused, or the server is away. */
        FAILED,
        /**
         * Accepted, but the PBX then did not ring the desk phone through ({@link #why()}: busy, not picked up...),
         * or never said whether it did: nothing was dialled, or nothing is known; "Call back" may be clicked again.
         */
        NOT_REACHED
    }

    public CallBackStatus {
        Objects.requireNonNull(stage, "stage");
        if ((stage == Stage.NOT_REACHED) != (why != null)) {
            throw new IllegalArgumentException("a reason goes with " + Stage.NOT_REACHED + " alone: " + stage);
        }
    }

    public CallBackStatus(String number, Stage stage) {
        this(number, stage, null);
    }

    /** The same call back, whose phone the PBX then did not reach. */
    public CallBackStatus notReached(DialFailure reason) {
        return new CallBackStatus(number, Stage.NOT_REACHED, Objects.requireNonNull(reason, "reason"));
    }

    /**
     * The key of the words for this status under {@code prefix}: {@code prefix + stage} ({@code missed.callBack.FAILED}),
     * and the reason after a phone not reached ({@code missed.callBack.NOT_REACHED.busy}).
     */
    public String textKey(String prefix) {
        return stage == Stage.NOT_REACHED ? prefix + stage.name() + "." + why.wireName() : prefix + stage.name();
    }
}
