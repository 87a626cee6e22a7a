package dev.zvonok.server.sim;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.AmiTrace;
import java.util.List;
import java.util.Map;

/**
 * Finds where a recorded call dials a party digit by digit: consecutive {@code DTMFEnd} events on one channel whose
 * digits spell a party token (08's Atxfer injects {@code *2} and then {@code 8}, {@code 8}, {@code 8}). A call with
 * a target of another length must send as many DTMF events as its target has digits.
 */
final class DigitRunFinder {

    /** Parties of one digit would match any lone DTMF; none of the recordings has one. */
    private static final int MIN_DIGITS = 2;

    record Found(int firstIndex, int lastIndex, CallTemplate.DigitRun run) {

        /** The recorded events after the first of the run: the template repeats the first instead. */
        boolean skips(int index) {
            return index > firstIndex && index <= lastIndex;
        }

        boolean isDigitField(int index, String key) {
            return index == firstIndex && key.equals("Digit");
        }
    }

    private DigitRunFinder() {
    }

    /** The first run found, or null. */
    static Found find(List<AmiTrace.Entry> entries, long[] at, Map<Role, String> parties, Bursts bursts) {
        for (Map.Entry<Role, String> party : parties.entrySet()) {
            String token = party.getValue();
            if (token.length() < MIN_DIGITS) {
                continue;
            }
            for (int first = 0; first + token.length() <= entries.size(); first++) {
                if (spells(entries, first, token)) {
                    int last = first + token.length() - 1;
                    int burst = bursts.burstAt(at[first]);
                    if (burst < 0 || bursts.burstAt(at[last]) != burst) {
                        throw new IllegalStateException("dialled digits of " + party.getKey() + " span a wait");
                    }
                    long spacing = (at[last] - at[first]) / (token.length() - 1);
                    return new Found(first, last, new CallTemplate.DigitRun(party.getKey(), token.length(), spacing,
                            burst, at[last]));
                }
            }
        }
        return null;
    }

    private static boolean spells(List<AmiTrace.Entry> entries, int first, String token) {
        String channel = entries.get(first).message().get("Channel");
        for (int i = 0; i < token.length(); i++) {
            AmiMessage message = entries.get(first + i).message();
            if (!message.isEvent("DTMFEnd") || !String.valueOf(token.charAt(i)).equals(message.get("Digit"))
                    || channel == null || !channel.equals(message.get("Channel"))) {
                return false;
            }
        }
        return true;
    }
}
