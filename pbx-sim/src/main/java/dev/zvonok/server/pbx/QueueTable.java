package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The queues of the simulated PBX as the events it published imply them, so that {@code QueueStatus} and
 * {@code QueuePause} answer like a PBX that has been running: callers from {@code QueueCallerJoin} until
 * {@code QueueCallerLeave}/{@code QueueCallerAbandon}, members with the fields of their last {@code QueueMember*}
 * event ({@code QueueMemberStatus}, {@code QueueMemberAdded}, {@code QueueMemberPause}...) until
 * {@code QueueMemberRemoved}. A queue is known from its first event. Thread-safe; only the endpoint changes it.
 */
public final class QueueTable {

    private static final String UNKNOWN = "unknown";

    private record Caller(String uniqueid, String channel, String callerIdNum, String callerIdName,
                          String connectedLineNum, String connectedLineName, long joinedAtMillis) {
    }

    private static final class Queue {
        final List<Caller> callers = new ArrayList<>();
        /** By interface, ignoring case as Asterisk does: the member's last event, in QueueMemberStatus's layout. */
        final Map<String, AmiMessage> members = new LinkedHashMap<>();
        int completed;
        int abandoned;
    }

    private final Map<String, Queue> queues = new LinkedHashMap<>();

    synchronized void apply(AmiMessage event, long nowMillis) {
        String name = event.event();
        String queueName = event.get("Queue");
        if (name == null || queueName == null || queueName.isEmpty() || event.actionId() != null) {
            return; // list items (QueueMember of someone's QueueStatus...) are answers, not news
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "queuecallerjoin" -> {
                Queue queue = queue(queueName);
                String uniqueid = event.get("Uniqueid");
                queue.callers.removeIf(caller -> caller.uniqueid().equals(uniqueid));
                int index = Math.max(0, Math.min(queue.callers.size(), position(event) - 1));
                queue.callers.add(index, new Caller(uniqueid, event.get("Channel"), event.get("CallerIDNum"),
                        event.get("CallerIDName"), event.get("ConnectedLineNum"), event.get("ConnectedLineName"),
                        nowMillis));
            }
            case "queuecallerleave" -> {
                if (queue(queueName).callers.removeIf(caller -> caller.uniqueid().equals(event.get("Uniqueid")))) {
                    queue(queueName).completed++;
                }
            }
            case "queuecallerabandon" -> {
                Queue queue = queue(queueName);
                queue.callers.removeIf(caller -> caller.uniqueid().equals(event.get("Uniqueid")));
                queue.abandoned++;
            }
            case "queuememberstatus", "queuememberadded", "queuememberpause", "queuememberpenalty",
                 "queuememberringinuse" -> {
                String memberInterface = event.get("Interface");
                if (memberInterface != null) {
                    // an unpause event carries the reason given with it; the member keeps none
                    AmiMessage member = "0".equals(event.get("Paused")) ? event.with("PausedReason", "") : event;
                    queue(queueName).members.put(key(memberInterface), member);
                }
            }
            case "queuememberremoved" -> {
                String memberInterface = event.get("Interface");
                if (memberInterface != null) {
                    queue(queueName).members.remove(key(memberInterface));
                }
            }
            default -> {
                // not about a queue's callers or members
            }
        }
    }

    /**
     * The items of a {@code QueueStatus} answer, as Asterisk 22's manager_queues_status writes them: per queue its
     * {@code QueueParams}, its {@code QueueMember}s, its {@code QueueEntry}s (without the {@code QueueStatusComplete}).
     *
     * @param queueFilter  only this queue (ignoring case); null or empty for all
     * @param memberFilter only members of this interface or name; null or empty for all
     */
    synchronized List<AmiMessage> statusItems(String actionId, String queueFilter, String memberFilter,
                                              long nowMillis) {
        List<AmiMessage> items = new ArrayList<>();
        queues.forEach((name, queue) -> {
            if (!blank(queueFilter) && !name.equalsIgnoreCase(queueFilter.strip())) {
                return;
            }
            items.add(withActionId(AmiMessage.builder().add("Event", "QueueParams").add("Queue", name)
                    .add("Max", 0).add("Strategy", "ringall").add("Calls", queue.callers.size())
                    .add("Holdtime", 0).add("TalkTime", 0).add("Completed", queue.completed)
                    .add("Abandoned", queue.abandoned).add("ServiceLevel", 0).add("ServicelevelPerf", "0.0")
                    .add("ServicelevelPerf2", "0.0").add("Weight", 0), actionId));
            for (AmiMessage member : queue.members.values()) {
                if (!blank(memberFilter) && !memberFilter.equals(member.get("Interface"))
                        && !memberFilter.equals(member.get("MemberName"))) {
                    continue;
                }
                items.add(withActionId(AmiMessage.builder().add("Event", "QueueMember").add("Queue", name)
                        .add("Name", or(member.get("MemberName"), member.get("Interface")))
                        .add("Location", member.get("Interface"))
                        .add("StateInterface", or(member.get("StateInterface"), member.get("Interface")))
                        .add("Membership", or(member.get("Membership"), "static"))
                        .add("Penalty", or(member.get("Penalty"), "0"))
                        .add("CallsTaken", or(member.get("CallsTaken"), "0"))
                        .add("LastCall", or(member.get("LastCall"), "0"))
                        .add("LastPause", or(member.get("LastPause"), "0"))
                        .add("LoginTime", or(member.get("LoginTime"), "0"))
                        .add("InCall", or(member.get("InCall"), "0"))
                        .add("Status", or(member.get("Status"), "0"))
                        .add("Paused", or(member.get("Paused"), "0"))
                        .add("PausedReason", or(member.get("PausedReason"), ""))
                        .add("Wrapuptime", or(member.get("Wrapuptime"), "0")), actionId));
            }
            int position = 1;
            for (Caller caller : queue.callers) {
                items.add(withActionId(AmiMessage.builder().add("Event", "QueueEntry").add("Queue", name)
                        .add("Position", position++).add("Channel", caller.channel())
                        .add("Uniqueid", caller.uniqueid())
                        .add("CallerIDNum", known(caller.callerIdNum()))
                        .add("CallerIDName", known(caller.callerIdName()))
                        .add("ConnectedLineNum", known(caller.connectedLineNum()))
                        .add("ConnectedLineName", known(caller.connectedLineName()))
                        .add("Wait", Math.max(0, (nowMillis - caller.joinedAtMillis()) / 1000))
                        .add("Priority", 0), actionId));
            }
        });
        return items;
    }

    /**
     * The {@code QueueMemberPause} events Asterisk 22 raises for {@code QueuePause} (set_member_paused): one for each
     * queue the interface is a member of (only {@code queueFilter}, when given); empty when it is a member of none.
     * Publishing them applies them here.
     */
    synchronized List<AmiMessage> pauseEvents(String memberInterface, String queueFilter, boolean paused,
                                              String reason, long nowMillis) {
        List<AmiMessage> events = new ArrayList<>();
        queues.forEach((name, queue) -> {
            if (!blank(queueFilter) && !name.equalsIgnoreCase(queueFilter.strip())) {
                return;
            }
            AmiMessage member = queue.members.get(key(memberInterface));
            if (member == null) {
                return;
            }
            events.add(AmiMessage.builder().add("Event", "QueueMemberPause").add("Privilege", "agent,all")
                    .add("Queue", name)
                    .add("MemberName", or(member.get("MemberName"), member.get("Interface")))
                    .add("Interface", member.get("Interface"))
                    .add("StateInterface", or(member.get("StateInterface"), member.get("Interface")))
                    .add("Membership", or(member.get("Membership"), "static"))
                    .add("Penalty", or(member.get("Penalty"), "0"))
                    .add("CallsTaken", or(member.get("CallsTaken"), "0"))
                    .add("LastCall", or(member.get("LastCall"), "0"))
                    .add("LastPause", paused ? Long.toString(nowMillis / 1000) : or(member.get("LastPause"), "0"))
                    .add("LoginTime", or(member.get("LoginTime"), "0"))
                    .add("InCall", or(member.get("InCall"), "0"))
                    .add("Status", or(member.get("Status"), "0"))
                    .add("Paused", paused ? "1" : "0")
                    .add("PausedReason", reason == null ? "" : reason)
                    .add("Ringinuse", or(member.get("Ringinuse"), "0"))
                    .add("Wrapuptime", or(member.get("Wrapuptime"), "0"))
                    .build());
        });
        return events;
    }

    /** Queues known, for tests. */
    public synchronized List<String> names() {
        return List.copyOf(queues.keySet());
    }

    private Queue queue(String name) {
        return queues.computeIfAbsent(name, n -> new Queue());
    }

    private static int position(AmiMessage event) {
        try {
            return Integer.parseInt(or(event.get("Position"), "0").strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // at the end
        }
    }

    private static AmiMessage withActionId(AmiMessage.Builder item, String actionId) {
        if (actionId != null && !actionId.isEmpty()) {
            item.add("ActionID", actionId);
        }
        return item.build();
    }

    /** As Asterisk prints a caller id it has not got. */
    private static String known(String value) {
        return value == null || value.isEmpty() || value.equals("<unknown>") ? UNKNOWN : value;
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String key(String memberInterface) {
        return memberInterface.strip().toLowerCase(Locale.ROOT);
    }
}
