package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default {@link CallControl}: checks an action as Asterisk 20 does and answers what Asterisk answers when it
 * accepts one ({@code Originate successfully queued}, {@code Transfer succeeded}...), without making anything happen
 * on the channels. Unknown channels and missing arguments get Asterisk's error messages.
 *
 * <p>An asynchronous {@code Originate} (into an application such as {@code ChanSpy}, or into the dialplan as
 * click-to-call) is queued and then followed, as Asterisk 22's {@code fast_originate} follows it once the dialling
 * ends, by an {@code OriginateResponse}: {@code Success} naming the new channel when the rung phone answers, else
 * {@code Failure} naming the dial string with the reason ({@link RungPhone}: no answer, busy, congestion, unreachable)
 * and no channel. A synchronous one waits for the phone and is answered {@code Originate failed} when it is not picked
 * up. Every phone answers unless {@link #phones} says otherwise. An application the account may not run
 * ({@link OriginateApplications}) is refused as Asterisk refuses it.
 */
public final class AcknowledgingCallControl implements CallControl {

    private static final Pattern CALLER_ID = Pattern.compile("\\s*\"?([^\"<]*?)\"?\\s*<([^>]*)>\\s*");

    private final InstantSource clock;
    /** Asterisk's channel counter: the {@code -00000012} of a channel's name. */
    private final AtomicInteger channelCount;
    /** What the phone behind a dial string ({@code PJSIP/700}) does when an Originate rings it. */
    private final Function<String, RungPhone> phones;

    public AcknowledgingCallControl() {
        this(InstantSource.system());
    }

    public AcknowledgingCallControl(InstantSource clock) {
        this(clock, new AtomicInteger(), dialled -> RungPhone.ANSWERS);
    }

    private AcknowledgingCallControl(InstantSource clock, AtomicInteger channelCount,
                                     Function<String, RungPhone> phones) {
        this.clock = clock;
        this.channelCount = channelCount;
        this.phones = phones;
    }

    /**
     * The same PBX whose rung phones do what {@code phones} says of their dial string ({@code PJSIP/700}, as the
     * Originate's {@code Channel} names it); called on the endpoint's thread, so it may be changed between calls.
     */
    public AcknowledgingCallControl phones(Function<String, RungPhone> phones) {
        return new AcknowledgingCallControl(clock, channelCount, Objects.requireNonNull(phones, "phones"));
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
        } else if (isTrue(request.header("Async"))) {
            request.success("Originate successfully queued");
            request.publish(dialled(request, channel.strip(), phones.apply(channel.strip())));
        } else if (isBlank(request.header("Application")) && isBlank(request.header("Priority"))) {
            request.error("Originate with 'Exten' requires 'Context' and 'Priority'");
        } else if (phones.apply(channel.strip()).answers()) {
            request.success("Originate successfully queued"); // Asterisk's words, though it waited for the answer
        } else {
            request.error("Originate failed");
        }
    }

    /**
     * The {@code OriginateResponse} this PBX would send for an {@code Originate} it queued, had the phone done what
     * {@code phone} says: for a test that queued the order itself and reports its end later (while a client is away).
     */
    public AmiMessage report(CallControlRequest originate, RungPhone phone) {
        String channel = originate.header("Channel").strip();
        return dialled(originate, channel, phone);
    }

    /**
     * What Asterisk 22's fast_originate reports once the dialling ended: into an application or into the dialplan,
     * answered (the new channel) or not (the dial string, no channel: {@code Uniqueid} is the one the Originate
     * asked for, else {@code <unknown>}).
     */
    private AmiMessage dialled(CallControlRequest request, String dialled, RungPhone phone) {
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
        String uniqueId = isBlank(request.header("ChannelId")) ? null : request.header("ChannelId").strip();
        event.add("Response", phone.answers() ? "Success" : "Failure")
                .add("Channel", phone.answers() ? "%s-%08x".formatted(dialled, sequence) : dialled);
        if (isBlank(request.header("Application"))) {
            event.add("Context", nullToEmpty(request.header("Context")))
                    .add("Exten", nullToEmpty(request.header("Exten")));
        } else {
            event.add("Application", request.header("Application")).add("Data", nullToEmpty(request.header("Data")));
        }
        return event.add("Reason", phone.reason())
                .add("Uniqueid", uniqueId != null ? uniqueId
                        : phone.answers() ? clock.instant().getEpochSecond() + "." + sequence : "<unknown>")
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

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
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
