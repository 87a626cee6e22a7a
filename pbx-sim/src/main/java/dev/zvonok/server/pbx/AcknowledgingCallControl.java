package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default {@link CallControl}: checks an action as Asterisk 20 does and answers what Asterisk answers when it
 * accepts one ({@code Originate successfully queued}, {@code Transfer succeeded}...), without making anything happen
 * on the channels. Unknown channels and missing arguments get Asterisk's error messages.
 *
 * <p>An asynchronous {@code Originate} into an application ({@code ChanSpy}...) is followed, as Asterisk 22 follows
 * it once the rung phone answers, by an {@code OriginateResponse} naming the new channel; an application the account
 * may not run ({@link OriginateApplications}) is refused as Asterisk refuses it.
 */
public final class AcknowledgingCallControl implements CallControl {

    private static final Pattern CALLER_ID = Pattern.compile("\\s*\"?([^\"<]*?)\"?\\s*<([^>]*)>\\s*");

    private final InstantSource clock;
    /** Asterisk's channel counter: the {@code -00000012} of a channel's name. */
    private final AtomicInteger channelCount = new AtomicInteger();

    public AcknowledgingCallControl() {
        this(InstantSource.system());
    }

    public AcknowledgingCallControl(InstantSource clock) {
        this.clock = clock;
    }

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

    private void originate(CallControlRequest request) {
        String channel = request.header("Channel");
        if (isBlank(channel)) {
            request.error("Channel not specified");
        } else if (!isBlank(request.header("Priority")) && !isInteger(request.header("Priority"))) {
            request.error("Invalid priority");
        } else if (!isBlank(request.header("Timeout")) && !isInteger(request.header("Timeout"))) {
            request.error("Invalid timeout");
        } else if (channel.indexOf('/') < 0) {
            request.error("Invalid channel"); // a dial string is Tech/resource; it names no existing channel
        } else if (!isBlank(request.header("Application"))
                && !OriginateApplications.permitted(request.header("Application"), request.header("Data"),
                        request.writeMask())) {
            request.error(OriginateApplications.FORBIDDEN);
        } else {
            request.success("Originate successfully queued");
            if (!isBlank(request.header("Application")) && isTrue(request.header("Async"))) {
                request.publish(applicationAnswered(request, channel.strip()));
            }
        }
    }

    /** What Asterisk 22's fast_originate reports when the rung phone answered and runs the application. */
    private AmiMessage applicationAnswered(CallControlRequest request, String dialled) {
        int sequence = channelCount.incrementAndGet();
        String number = "<unknown>";
        String name = "<unknown>";
        Matcher callerId = CALLER_ID.matcher(request.header("CallerID") == null ? "" : request.header("CallerID"));
        if (callerId.matches()) {
            name = callerId.group(1).isBlank() ? name : callerId.group(1);
            number = callerId.group(2).isBlank() ? number : callerId.group(2);
        }
        AmiMessage.Builder event = AmiMessage.builder().add("Event", "OriginateResponse").add("Privilege", "call,all");
        if (!isBlank(request.actionId())) {
            event.add("ActionID", request.actionId());
        }
        return event.add("Response", "Success")
                .add("Channel", "%s-%08x".formatted(dialled, sequence))
                .add("Application", request.header("Application"))
                .add("Data", request.header("Data") == null ? "" : request.header("Data"))
                .add("Reason", 4) // AST_CONTROL_ANSWER
                .add("Uniqueid", clock.instant().getEpochSecond() + "." + sequence)
                .add("CallerIDNum", number)
                .add("CallerIDName", name)
                .build();
    }

    /** Asterisk's ast_true. */
    private static boolean isTrue(String value) {
        return value != null && java.util.Set.of("yes", "true", "y", "t", "1", "on")
                .contains(value.strip().toLowerCase(java.util.Locale.ROOT));
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
