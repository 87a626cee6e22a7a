package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;

/**
 * The list items Asterisk 20 sends about a channel, field for field and in its order (see recording 13):
 * {@code CoreShowChannel} carries the ActionID right after the event name and no Privilege; {@code Status} carries
 * {@code Privilege: Call} and the ActionID last.
 */
final class ChannelReports {

    private ChannelReports() {
    }

    static AmiMessage coreShowChannel(ChannelSnapshot channel, String actionId, long nowMillis) {
        AmiMessage.Builder item = AmiMessage.builder().add("Event", "CoreShowChannel");
        addActionId(item, actionId);
        addChannelBlock(item, channel);
        return item.add("Application", channel.application())
                .add("ApplicationData", channel.applicationData())
                .add("Duration", channel.duration(nowMillis))
                .add("BridgeId", channel.bridgeId())
                .build();
    }

    static AmiMessage coreShowChannelsComplete(String actionId, int items) {
        AmiMessage.Builder complete = AmiMessage.builder().add("Event", "CoreShowChannelsComplete");
        addActionId(complete, actionId);
        return complete.add("EventList", "Complete").add("ListItems", items).build();
    }

    static AmiMessage status(ChannelSnapshot channel, String actionId, long nowMillis) {
        AmiMessage.Builder item = AmiMessage.builder().add("Event", "Status").add("Privilege", "Call");
        addChannelBlock(item, channel);
        item.add("Type", channel.technology())
                .add("DNID", channel.dnid())
                .add("EffectiveConnectedLineNum", channel.connectedLineNum())
                .add("EffectiveConnectedLineName", channel.connectedLineName())
                .add("TimeToHangup", 0)
                .add("BridgeID", channel.bridgeId())
                .add("Application", channel.application())
                .add("Data", channel.applicationData())
                // Every leg of the capture rig talks u-law without transcoding; we have no media to say otherwise.
                .add("Nativeformats", "(ulaw)")
                .add("Readformat", "ulaw")
                .add("Readtrans", "")
                .add("Writeformat", "ulaw")
                .add("Writetrans", "")
                .add("Callgroup", 0)
                .add("Pickupgroup", 0)
                .add("Seconds", channel.ageSeconds(nowMillis));
        addActionId(item, actionId);
        return item.build();
    }

    static AmiMessage statusComplete(String actionId, int items) {
        AmiMessage.Builder complete = AmiMessage.builder().add("Event", "StatusComplete");
        addActionId(complete, actionId);
        return complete.add("EventList", "Complete").add("ListItems", items).add("Items", items).build();
    }

    static AmiMessage queueStatusComplete(String actionId, int items) {
        AmiMessage.Builder complete = AmiMessage.builder().add("Event", "QueueStatusComplete");
        addActionId(complete, actionId);
        return complete.add("EventList", "Complete").add("ListItems", items).build();
    }

    private static void addChannelBlock(AmiMessage.Builder item, ChannelSnapshot channel) {
        item.add("Channel", channel.channel())
                .add("ChannelState", channel.channelState())
                .add("ChannelStateDesc", channel.channelStateDesc())
                .add("CallerIDNum", channel.callerIdNum())
                .add("CallerIDName", channel.callerIdName())
                .add("ConnectedLineNum", channel.connectedLineNum())
                .add("ConnectedLineName", channel.connectedLineName())
                .add("Language", channel.language())
                .add("AccountCode", channel.accountCode())
                .add("Context", channel.context())
                .add("Exten", channel.exten())
                .add("Priority", channel.priority())
                .add("Uniqueid", channel.uniqueid())
                .add("Linkedid", channel.linkedid());
    }

    private static void addActionId(AmiMessage.Builder item, String actionId) {
        if (actionId != null && !actionId.isEmpty()) {
            item.add("ActionID", actionId);
        }
    }
}
