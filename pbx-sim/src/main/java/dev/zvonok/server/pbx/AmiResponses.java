package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;

/**
 * Responses in Asterisk's layout: {@code Response}, then {@code ActionID} when the action had one, then the rest.
 *
 * <p>Asterisk omits the ActionID line when the action carried none; clients that match by ActionID rely on the echo.
 */
public final class AmiResponses {

    private AmiResponses() {
    }

    /** {@code Response: <response>} and the ActionID line, to which the caller adds its own lines. */
    public static AmiMessage.Builder start(String response, String actionId) {
        AmiMessage.Builder builder = AmiMessage.builder().add("Response", response);
        if (actionId != null && !actionId.isEmpty()) {
            builder.add("ActionID", actionId);
        }
        return builder;
    }

    public static AmiMessage success(String actionId, String message) {
        return start("Success", actionId).add("Message", message).build();
    }

    public static AmiMessage error(String actionId, String message) {
        return start("Error", actionId).add("Message", message).build();
    }

    /** The first message of a list answer; its items and the {@code ...Complete} event follow. */
    public static AmiMessage listStart(String actionId, String message) {
        return start("Success", actionId).add("EventList", "start").add("Message", message).build();
    }

    /**
     * The response with the action's ActionID placed where Asterisk puts it (right after {@code Response}), for
     * responses built by code that did not know it. An ActionID already present is kept.
     */
    public static AmiMessage withActionId(AmiMessage response, String actionId) {
        if (actionId == null || actionId.isEmpty() || response.has("ActionID")) {
            return response;
        }
        AmiMessage.Builder builder = AmiMessage.builder();
        boolean placed = false;
        for (int i = 0; i < response.size(); i++) {
            builder.add(response.keyAt(i), response.valueAt(i));
            if (!placed && response.keyAt(i).equalsIgnoreCase("Response")) {
                builder.add("ActionID", actionId);
                placed = true;
            }
        }
        if (!placed) {
            builder.add("ActionID", actionId);
        }
        return builder.build();
    }
}
