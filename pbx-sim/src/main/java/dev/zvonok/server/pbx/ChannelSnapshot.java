package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;

/**
 * What the PBX knows about one live channel, in the words of its AMI events: the channel block every channel event
 * carries ({@code Channel} ... {@code Linkedid}), plus the dialplan application, the bridge it is in and when it was
 * created. Values stay as they travel on the wire ({@code <unknown>} included), so answers built from a snapshot
 * look like the events that built it.
 *
 * @param dnid            the number dialled to reach the PBX, for channels that came in; empty for outgoing legs
 * @param createdAtMillis epoch milliseconds of {@code Newchannel}, for {@code Duration} and {@code Seconds}
 */
public record ChannelSnapshot(
        String channel,
        String channelState,
        String channelStateDesc,
        String callerIdNum,
        String callerIdName,
        String connectedLineNum,
        String connectedLineName,
        String language,
        String accountCode,
        String context,
        String exten,
        String priority,
        String uniqueid,
        String linkedid,
        String application,
        String applicationData,
        String bridgeId,
        String dnid,
        long createdAtMillis) {

    /** Asterisk names the outgoing leg's "application" so while Dial() runs on the other leg. */
    static final String OUTGOING_LINE_APP = "AppDial";

    /** A channel as announced by {@code Newchannel} (or any message with the unprefixed channel block). */
    static ChannelSnapshot created(AmiMessage event, long nowMillis) {
        String exten = value(event, "Exten", "");
        // Inbound legs are created on the number dialled; outgoing legs start at "s" and have no DNID.
        String dnid = exten.equals("s") ? "" : exten;
        return new ChannelSnapshot(value(event, "Channel", ""), value(event, "ChannelState", "0"),
                value(event, "ChannelStateDesc", "Down"), value(event, "CallerIDNum", ""),
                value(event, "CallerIDName", ""), value(event, "ConnectedLineNum", ""),
                value(event, "ConnectedLineName", ""), value(event, "Language", "en"),
                value(event, "AccountCode", ""), value(event, "Context", ""), exten, value(event, "Priority", "1"),
                value(event, "Uniqueid", ""), value(event, "Linkedid", value(event, "Uniqueid", "")), "", "", "", dnid,
                nowMillis);
    }

    /**
     * A channel that was already up, as a recorded {@code CoreShowChannel} event describes it: its age comes from
     * {@code Duration}, counted back from now.
     */
    static ChannelSnapshot fromCoreShowChannel(AmiMessage item, long nowMillis) {
        String application = value(item, "Application", "");
        String exten = value(item, "Exten", "");
        boolean outgoing = application.equals(OUTGOING_LINE_APP) || exten.equals("s");
        long ageMillis = parseDurationSeconds(value(item, "Duration", "")) * 1000L;
        return new ChannelSnapshot(value(item, "Channel", ""), value(item, "ChannelState", "0"),
                value(item, "ChannelStateDesc", "Down"), value(item, "CallerIDNum", ""),
                value(item, "CallerIDName", ""), value(item, "ConnectedLineNum", ""),
                value(item, "ConnectedLineName", ""), value(item, "Language", "en"),
                value(item, "AccountCode", ""), value(item, "Context", ""), exten, value(item, "Priority", "1"),
                value(item, "Uniqueid", ""), value(item, "Linkedid", ""), application,
                value(item, "ApplicationData", ""), value(item, "BridgeId", ""), outgoing ? "" : exten,
                nowMillis - ageMillis);
    }

    /** This channel as seen by the channel block {@code <prefix>Channel ... <prefix>Linkedid} of an event. */
    ChannelSnapshot updatedFrom(AmiMessage event, String prefix) {
        return new ChannelSnapshot(value(event, prefix + "Channel", channel),
                value(event, prefix + "ChannelState", channelState),
                value(event, prefix + "ChannelStateDesc", channelStateDesc),
                value(event, prefix + "CallerIDNum", callerIdNum),
                value(event, prefix + "CallerIDName", callerIdName),
                value(event, prefix + "ConnectedLineNum", connectedLineNum),
                value(event, prefix + "ConnectedLineName", connectedLineName),
                value(event, prefix + "Language", language),
                value(event, prefix + "AccountCode", accountCode),
                value(event, prefix + "Context", context),
                value(event, prefix + "Exten", exten),
                value(event, prefix + "Priority", priority),
                uniqueid,
                value(event, prefix + "Linkedid", linkedid),
                application, applicationData, bridgeId, dnid, createdAtMillis);
    }

    ChannelSnapshot withApplication(String newApplication, String newApplicationData) {
        return new ChannelSnapshot(channel, channelState, channelStateDesc, callerIdNum, callerIdName,
                connectedLineNum, connectedLineName, language, accountCode, context, exten, priority, uniqueid,
                linkedid, newApplication, newApplicationData, bridgeId, dnid, createdAtMillis);
    }

    ChannelSnapshot withBridgeId(String newBridgeId) {
        return new ChannelSnapshot(channel, channelState, channelStateDesc, callerIdNum, callerIdName,
                connectedLineNum, connectedLineName, language, accountCode, context, exten, priority, uniqueid,
                linkedid, application, applicationData, newBridgeId, dnid, createdAtMillis);
    }

    ChannelSnapshot withName(String newName) {
        return new ChannelSnapshot(newName, channelState, channelStateDesc, callerIdNum, callerIdName,
                connectedLineNum, connectedLineName, language, accountCode, context, exten, priority, uniqueid,
                linkedid, application, applicationData, bridgeId, dnid, createdAtMillis);
    }

    /** The channel technology, {@code SIP} for {@code SIP/777-00000001}: what {@code Status} calls {@code Type}. */
    public String technology() {
        int slash = channel.indexOf('/');
        return slash < 0 ? channel : channel.substring(0, slash);
    }

    public long ageSeconds(long nowMillis) {
        return Math.max(0, (nowMillis - createdAtMillis) / 1000);
    }

    /** {@code HH:MM:SS}, as {@code CoreShowChannel} prints {@code Duration}. */
    public String duration(long nowMillis) {
        long seconds = ageSeconds(nowMillis);
        return "%02d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static long parseDurationSeconds(String hhmmss) {
        String[] parts = hhmmss.split(":");
        long seconds = 0;
        try {
            for (String part : parts) {
                seconds = seconds * 60 + Long.parseLong(part.strip());
            }
        } catch (NumberFormatException e) {
            return 0; // a recording without a usable Duration: treat the channel as just created
        }
        return seconds;
    }

    private static String value(AmiMessage message, String key, String fallback) {
        String value = message.get(key);
        return value == null ? fallback : value;
    }
}
