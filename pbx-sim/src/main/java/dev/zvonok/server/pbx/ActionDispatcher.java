package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Answers a client's actions the way Asterisk 20's manager does: same responses, same messages, same field order.
 *
 * <p>Login and the session actions are handled here; channel lists are built from the endpoint's channel table;
 * the call-changing actions go to the endpoint's {@link CallControl}.
 */
final class ActionDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ActionDispatcher.class);

    /**
     * Asterisk's answer to anything but Login, Challenge and Logoff before a successful login, and to an action the
     * account's {@code write =} line does not allow.
     */
    static final String PERMISSION_DENIED = "Permission denied";
    private static final Set<String> CALL_CONTROL_ACTIONS =
            Set.of("originate", "redirect", "blindtransfer", "atxfer", "hangup");
    private static final Set<String> TRUE_WORDS = Set.of("on", "yes", "true", "y", "t", "1");
    private static final Set<String> FALSE_WORDS = Set.of("off", "no", "false", "n", "f", "0");

    private final AmiEndpoint endpoint;
    private final SecureRandom random = new SecureRandom();

    ActionDispatcher(AmiEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    void dispatch(AmiSession session, AmiMessage action) {
        String name = action.get("Action");
        String actionId = action.actionId();
        if (name == null || name.isBlank()) {
            session.send(AmiResponses.error(actionId, "Missing action in request"));
            return;
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        switch (key) {
            case "challenge" -> challenge(session, action);
            case "login" -> login(session, action);
            case "logoff" -> logoff(session, actionId);
            default -> {
                if (!session.isLoggedIn()) {
                    session.send(AmiResponses.error(actionId, PERMISSION_DENIED));
                } else {
                    dispatchLoggedIn(session, key, name.strip(), action);
                }
            }
        }
    }

    private void dispatchLoggedIn(AmiSession session, String key, String name, AmiMessage action) {
        String actionId = action.actionId();
        if (!session.account().mayWrite(ActionAuthority.of(key))) {
            log.info("AMI client {} ({}) may not run {}: Permission denied", session.id(), session.describe(), name);
            session.send(AmiResponses.error(actionId, PERMISSION_DENIED));
            return;
        }
        switch (key) {
            case "coresettings" -> session.send(coreSettings(actionId));
            case "command" -> session.send(command(actionId, action.get("Command")));
            case "events" -> events(session, action);
            case "ping" -> session.send(ping(actionId));
            case "coreshowchannels" -> coreShowChannels(session, actionId);
            case "status" -> status(session, actionId, action.get("Channel"));
            case "queuestatus" -> queueStatus(session, action);
            case "queuepause" -> queuePause(session, action);
            default -> {
                if (CALL_CONTROL_ACTIONS.contains(key)) {
                    callControl(session, action);
                } else {
                    session.send(AmiResponses.error(actionId, "Invalid/unknown command: " + name
                            + ". Use Action: ListCommands to show available commands."));
                }
            }
        }
    }

    private void challenge(AmiSession session, AmiMessage action) {
        String actionId = action.actionId();
        if (!"md5".equalsIgnoreCase(action.get("AuthType"))) {
            session.send(AmiResponses.error(actionId, "Must specify AuthType"));
            return;
        }
        if (session.challenge() == null) {
            session.challenge(Integer.toString(random.nextInt(1_000_000_000))); // Asterisk: decimal ast_random()
        }
        session.send(AmiResponses.start("Success", actionId).add("Challenge", session.challenge()).build());
    }

    private void login(AmiSession session, AmiMessage action) {
        String actionId = action.actionId();
        String username = action.get("Username");
        AmiAccount account = endpoint.account(username);
        if (account == null || !credentialsMatch(session, action, account)) {
            log.info("AMI client {} ({}) failed to authenticate as '{}'", session.id(), session.describe(), username);
            // Asterisk answers, then ends the session.
            session.send(AmiResponses.error(actionId, "Authentication failed"));
            session.closeAfterFlush();
            return;
        }
        String eventsHeader = action.get("Events");
        // Becoming logged in, the answer and FullyBooted must not be overtaken by a published event. The login is
        // counted before its answer leaves: whoever has read the answer may rely on the count.
        endpoint.withEventsHeld(() -> {
            if (eventsHeader != null) {
                session.eventMask(parseEventMask(eventsHeader));
            }
            session.loggedIn(account);
            endpoint.countLogin(session);
            session.send(AmiResponses.success(actionId, "Authentication accepted"));
            if (session.wantsEvent(EventClass.SYSTEM.bit())) {
                long uptime = endpoint.uptimeSeconds();
                session.send(AmiMessage.builder()
                        .add("Event", "FullyBooted")
                        .add("Privilege", "system,all")
                        .add("Uptime", uptime)
                        .add("LastReload", uptime)
                        .add("Status", "Fully Booted")
                        .build());
            }
        });
        log.info("AMI client {} ({}) logged in", session.id(), session.describe());
        endpoint.loginAnswered(); // outside the held events: what waits for the first login may publish
    }

    private static boolean credentialsMatch(AmiSession session, AmiMessage action, AmiAccount account) {
        String key = action.get("Key");
        if ("md5".equalsIgnoreCase(action.get("AuthType")) && key != null) {
            return session.challenge() != null && md5Hex(session.challenge() + account.secret()).equalsIgnoreCase(key);
        }
        String secret = action.get("Secret");
        return secret != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                account.secret().getBytes(StandardCharsets.UTF_8));
    }

    private static void logoff(AmiSession session, String actionId) {
        session.send(AmiResponses.start("Goodbye", actionId).add("Message", "Thanks for all the fish.").build());
        session.closeAfterFlush();
    }

    private AmiMessage coreSettings(String actionId) {
        AsteriskIdentity identity = endpoint.identity();
        // Field names and spelling as Asterisk 20 prints them (AMIversion, CoreCDRenabled...).
        return AmiResponses.start("Success", actionId)
                .add("AMIversion", identity.amiVersion())
                .add("AsteriskVersion", identity.asteriskVersion())
                .add("SystemName", identity.systemName())
                .add("CoreMaxCalls", 0)
                .add("CoreMaxLoadAvg", "0.000000")
                .add("CoreRunUser", "")
                .add("CoreRunGroup", "")
                .add("CoreMaxFilehandles", 0)
                .add("CoreRealTimeEnabled", "No")
                .add("CoreCDRenabled", "Yes")
                .add("CoreHTTPenabled", "No")
                .add("SoundsSearchCustomDir", "No")
                .build();
    }

    private AmiMessage command(String actionId, String command) {
        if (command == null || command.isBlank()) {
            return AmiResponses.error(actionId, "No command provided");
        }
        String normalized = command.strip().replaceAll("\\s+", " ");
        boolean known = normalized.equalsIgnoreCase("core show version");
        String output = known ? endpoint.identity().versionLine()
                : "No such command '" + normalized + "' (type 'core show help " + normalized
                        + "' for other possible commands)";
        return AmiResponses.start(known ? "Success" : "Error", actionId)
                .add("Message", "Command output follows")
                .add("Output", output)
                .build();
    }

    private static void events(AmiSession session, AmiMessage action) {
        int mask = parseEventMask(action.get("EventMask"));
        session.eventMask(mask);
        session.send(AmiResponses.start("Success", action.actionId()).add("Events", mask != 0 ? "On" : "Off").build());
    }

    private AmiMessage ping(String actionId) {
        endpoint.pingAnswered();
        Instant now = endpoint.clock().instant();
        return AmiResponses.start("Success", actionId)
                .add("Ping", "Pong")
                .add("Timestamp", "%d.%06d".formatted(now.getEpochSecond(), now.getNano() / 1000))
                .build();
    }

    private void coreShowChannels(AmiSession session, String actionId) {
        endpoint.withEventsHeld(() -> {
            long now = endpoint.clock().millis();
            List<ChannelSnapshot> channels = endpoint.channels().snapshot();
            List<AmiMessage> answer = new ArrayList<>(channels.size() + 2);
            answer.add(AmiResponses.listStart(actionId, "Channels will follow"));
            channels.forEach(channel -> answer.add(ChannelReports.coreShowChannel(channel, actionId, now)));
            answer.add(ChannelReports.coreShowChannelsComplete(actionId, channels.size()));
            session.send(answer);
        });
    }

    private void status(AmiSession session, String actionId, String channelName) {
        endpoint.withEventsHeld(() -> {
            long now = endpoint.clock().millis();
            List<ChannelSnapshot> channels = endpoint.channels().snapshot();
            if (channelName != null && !channelName.isBlank()) {
                channels = channels.stream().filter(c -> c.channel().equalsIgnoreCase(channelName.strip())).toList();
                if (channels.isEmpty()) {
                    session.send(AmiResponses.error(actionId, "No such channel"));
                    return;
                }
            }
            List<AmiMessage> answer = new ArrayList<>(channels.size() + 2);
            answer.add(AmiResponses.listStart(actionId, "Channel status will follow"));
            channels.forEach(channel -> answer.add(ChannelReports.status(channel, actionId, now)));
            answer.add(ChannelReports.statusComplete(actionId, channels.size()));
            session.send(answer);
        });
    }

    /** As Asterisk 22's manager_queues_status: the queues' parameters, members and callers, filtered if asked. */
    private void queueStatus(AmiSession session, AmiMessage action) {
        String actionId = action.actionId();
        endpoint.withEventsHeld(() -> {
            List<AmiMessage> items = endpoint.queues().statusItems(actionId, action.get("Queue"),
                    action.get("Member"), endpoint.clock().millis());
            List<AmiMessage> answer = new ArrayList<>(items.size() + 2);
            answer.add(AmiResponses.listStart(actionId, "Queue status will follow"));
            answer.addAll(items);
            answer.add(ChannelReports.queueStatusComplete(actionId, items.size()));
            session.send(answer);
        });
    }

    /**
     * As Asterisk 22's manager_pause_queue_member: pauses (or unpauses) the interface in the given queue or in all
     * its queues, raising a {@code QueueMemberPause} for each; "Interface not found" when it is a member of none.
     */
    private void queuePause(AmiSession session, AmiMessage action) {
        String actionId = action.actionId();
        String memberInterface = action.get("Interface");
        String paused = action.get("Paused");
        if (memberInterface == null || memberInterface.isBlank() || paused == null || paused.isBlank()) {
            session.send(AmiResponses.error(actionId, "Need 'Interface' and 'Paused' parameters."));
            return;
        }
        boolean pause = TRUE_WORDS.contains(paused.strip().toLowerCase(Locale.ROOT)); // ast_true
        endpoint.withEventsHeld(() -> {
            List<AmiMessage> events = endpoint.queues().pauseEvents(memberInterface, action.get("Queue"), pause,
                    action.get("Reason"), endpoint.clock().millis());
            if (events.isEmpty()) {
                session.send(AmiResponses.error(actionId, "Interface not found"));
                return;
            }
            session.send(AmiResponses.success(actionId,
                    pause ? "Interface paused successfully" : "Interface unpaused successfully"));
            events.forEach(endpoint::publish);
        });
    }

    private void callControl(AmiSession session, AmiMessage action) {
        CallControlRequest request = new CallControlRequest(action, session.account(),
                endpoint.channels(), session::send, endpoint::publish);
        try {
            endpoint.callControl().handle(request);
        } catch (RuntimeException e) {
            log.error("Call control failed on {} from AMI client {}", action.get("Action"), session.id(), e);
            request.error("Internal error"); // a no-op if it had already answered
        }
    }

    /** Asterisk's strings_to_mask: on/off words, a number, or a list of classes. */
    static int parseEventMask(String mask) {
        if (mask == null || mask.isBlank()) {
            return EventClass.ALL;
        }
        String value = mask.strip().toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(value)) {
            return EventClass.ALL;
        }
        if (FALSE_WORDS.contains(value)) {
            return EventClass.NONE;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Integer.parseInt(value) & EventClass.ALL;
            } catch (NumberFormatException e) {
                return EventClass.ALL;
            }
        }
        return EventClass.parseList(value);
    }

    private static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
