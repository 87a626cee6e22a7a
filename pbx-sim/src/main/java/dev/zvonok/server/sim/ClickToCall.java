package dev.zvonok.server.sim;

import dev.zvonok.server.amiwire.AmiMessage;

/**
 * Reads an AMI {@code Originate} action as the click-to-call it starts: the operator is the phone of its
 * {@code Channel} ({@code SIP/777}, {@code PJSIP/777}, {@code Local/777@from-internal}), the outside number its
 * {@code Exten}; its {@code ActionID} goes back in the {@code OriginateResponse}.
 *
 * <p>As in the recording, the number the phone shows is the number dialled: a {@code CallerID} different from
 * {@code Exten} is not modelled. {@code Context}, {@code Priority} and {@code Timeout} are not looked at.
 */
public final class ClickToCall {

    private ClickToCall() {
    }

    public static CallSpec spec(AmiMessage originate) {
        if (!"Originate".equalsIgnoreCase(originate.get("Action"))) {
            throw new IllegalArgumentException("not an Originate action: " + originate);
        }
        String channel = required(originate, "Channel");
        String number = required(originate, "Exten");
        String actionId = originate.actionId();
        return CallSpec.of(Shape.CLICK_TO_CALL)
                .with(Role.OPERATOR, extensionOf(channel))
                .with(Role.EXTERNAL_NUMBER, number)
                .withOriginateActionId(actionId == null ? "" : actionId);
    }

    /** What Asterisk answers at once to an asynchronous Originate (09 at t=1.002), before any event of the call. */
    public static AmiMessage queuedResponse(AmiMessage originate) {
        AmiMessage.Builder response = AmiMessage.builder().add("Response", "Success");
        if (originate.actionId() != null) {
            response.add("ActionID", originate.actionId());
        }
        return response.add("Message", "Originate successfully queued").build();
    }

    private static String extensionOf(String channel) {
        String device = channel.substring(channel.indexOf('/') + 1);
        int at = device.indexOf('@');
        return at < 0 ? device : device.substring(0, at);
    }

    private static String required(AmiMessage action, String key) {
        String value = action.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Originate without " + key);
        }
        return value.strip();
    }
}
