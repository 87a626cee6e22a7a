package dev.zvonok.server.pbx;

/**
 * The default {@link CallControl}: checks an action as Asterisk 20 does and answers what Asterisk answers when it
 * accepts one ({@code Originate successfully queued}, {@code Transfer succeeded}...), without making anything happen
 * on the channels. Unknown channels and missing arguments get Asterisk's error messages.
 */
public final class AcknowledgingCallControl implements CallControl {

    @Override
    public void handle(CallControlRequest request) {
        switch (request.name()) {
            case "originate" -> originate(request);
            case "redirect" -> redirect(request);
            case "blindtransfer" -> transfer(request, "Transfer succeeded");
            case "atxfer" -> transfer(request, "Atxfer successfully queued");
            case "hangup" -> hangup(request);
            default -> request.error("Invalid/unknown command: " + request.header("Action")
                    + ". Use Action: ListCommands to show available commands.");
        }
    }

    private static void originate(CallControlRequest request) {
        String channel = request.header("Channel");
        if (isBlank(channel)) {
            request.error("Channel not specified");
        } else if (!isBlank(request.header("Priority")) && !isInteger(request.header("Priority"))) {
            request.error("Invalid priority");
        } else if (!isBlank(request.header("Timeout")) && !isInteger(request.header("Timeout"))) {
            request.error("Invalid timeout");
        } else if (channel.indexOf('/') < 0) {
            request.error("Invalid channel"); // a dial string is Tech/resource; it names no existing channel
        } else {
            request.success("Originate successfully queued");
        }
    }

    private static void redirect(CallControlRequest request) {
        String channel = request.header("Channel");
        String extraChannel = request.header("ExtraChannel");
        if (isBlank(channel)) {
            request.error("Channel not specified");
        } else if (request.channels().byName(channel).isEmpty()) {
            request.error("Channel does not exist: " + channel);
        } else if (!isBlank(extraChannel) && request.channels().byName(extraChannel).isEmpty()) {
            request.error("Channel does not exist: " + extraChannel);
        } else {
            request.success("Redirect successful");
        }
    }

    private static void transfer(CallControlRequest request, String accepted) {
        String channel = request.header("Channel");
        if (isBlank(channel)) {
            request.error("No channel specified");
        } else if (isBlank(request.header("Exten"))) {
            request.error("No extension specified");
        } else if (request.channels().byName(channel).isEmpty()) {
            request.error("Channel specified does not exist");
        } else {
            request.success(accepted);
        }
    }

    private static void hangup(CallControlRequest request) {
        String channel = request.header("Channel");
        if (isBlank(channel)) {
            request.error("No channel specified");
        } else if (request.channels().byName(channel).isEmpty()) {
            request.error("No such channel");
        } else {
            request.success("Channel Hungup");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isInteger(String value) {
        try {
            Integer.parseInt(value.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
