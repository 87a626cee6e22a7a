package dev.zvonok.server.tracking;

/**
 * What an Asterisk channel name tells about the leg.
 *
 * <ul>
 *   <li>{@code SIP/777-0000000c}, {@code PJSIP/777-00000001}: technology {@code SIP}, resource (peer) {@code 777};</li>
 *   <li>{@code Local/777@from-queue-00000004;1}: a Local channel into {@code 777@from-queue}, half 1 of the pair
 *       {@code Local/777@from-queue-00000004}.</li>
 * </ul>
 */
public record ChannelName(String technology, String resource, boolean local, String localExten, int localHalf,
                          String localPair) {

    /** Parses a channel name; never fails (an odd name just yields a resource equal to the rest of the name). */
    public static ChannelName parse(String name) {
        if (name == null || name.isEmpty()) {
            return new ChannelName("", "", false, null, 0, null);
        }
        int slash = name.indexOf('/');
        String technology = slash < 0 ? "" : name.substring(0, slash);
        String rest = slash < 0 ? name : name.substring(slash + 1);
        if ("Local".equalsIgnoreCase(technology)) {
            return parseLocal(name, rest);
        }
        int dash = rest.lastIndexOf('-');
        String resource = dash > 0 ? rest.substring(0, dash) : rest;
        return new ChannelName(technology, resource, false, null, 0, null);
    }

    private static ChannelName parseLocal(String name, String rest) {
        int semicolon = name.lastIndexOf(';');
        int half = 0;
        String pair = name;
        if (semicolon > 0 && semicolon == name.length() - 2) {
            half = name.charAt(name.length() - 1) - '0';
            pair = name.substring(0, semicolon);
        }
        int at = rest.indexOf('@');
        String exten = at > 0 ? rest.substring(0, at) : null;
        return new ChannelName("Local", rest, true, exten, half, pair);
    }
}
