package dev.zvonok.server.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in a recorded field value, the parts a new call must not copy: ids (Uniqueid-like values, channel sequence
 * numbers, bridge UUIDs, SIP Call-IDs) and the recording's party tokens.
 *
 * <p>A party token counts only as a whole token: {@code 777} in {@code SIP/777-0000000c}, {@code Operator 777},
 * {@code SIP/777&SIP/888,15,tT} or {@code Local/777@from-queue/n}, never inside {@code 1795288777.5} or a hex id.
 */
final class ValueTokenizer {

    enum Kind { BRIDGE_ID, UNIQUE_ID, CHANNEL_SEQUENCE, SIP_CALL_ID, PARTY }

    /** @param channelTech for a channel sequence, the technology before the {@code /} ({@code SIP}, {@code Local}) */
    record Token(Kind kind, int start, int end, String text, String channelTech, Role role) {
    }

    private static final String BRIDGE_ID =
            "(?<bridge>(?<![0-9A-Za-z-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9A-Za-z-]))";
    /** Asterisk's {@code <epoch seconds>.<counter>}; SentNTP looks the same but is a time, and never comes here. */
    private static final String UNIQUE_ID = "(?<uniqueid>(?<![\\w.])\\d{10}\\.\\d+(?![\\w.]))";
    /** {@code SIP/777-0000000c}, {@code Local/888@from-queue-00000003;1}: the 8 hex digits after the last dash. */
    private static final String CHANNEL_SEQUENCE =
            "(?<=(?:SIP|PJSIP|IAX2|Local|DAHDI)/[^\\s/,&;|]{1,80})-(?<sequence>[0-9a-f]{8})(?![0-9A-Za-z])";
    /** {@code 9f6d0b06a9f7422a@ctirig}, {@code 728acd32...@127.0.0.1:5060}: the random part before the host. */
    private static final String SIP_CALL_ID = "(?<callid>(?<![\\w])[0-9a-f]{16,32})(?=@)";

    private final Pattern pattern;
    private final Map<String, Role> roleOfToken = new HashMap<>();

    ValueTokenizer(Map<Role, String> partyTokens) {
        List<String> tokens = new ArrayList<>();
        partyTokens.forEach((role, token) -> {
            roleOfToken.put(token, role);
            tokens.add(token);
        });
        tokens.sort(Comparator.comparingInt(String::length).reversed()); // the longest wins where one is in another
        String parties = tokens.stream().map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElse("(?!)");
        pattern = Pattern.compile(BRIDGE_ID + "|" + UNIQUE_ID + "|" + CHANNEL_SEQUENCE + "|" + SIP_CALL_ID
                + "|(?<party>(?<![\\w+])(?:" + parties + ")(?!\\w))");
    }

    List<Token> tokens(String value) {
        List<Token> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(value);
        while (matcher.find()) {
            found.add(token(value, matcher));
        }
        return found;
    }

    /** True when the value holds one of the party tokens as a whole token. */
    boolean containsParty(String value) {
        return tokens(value).stream().anyMatch(token -> token.kind() == Kind.PARTY);
    }

    private Token token(String value, Matcher matcher) {
        if (matcher.group("bridge") != null) {
            return new Token(Kind.BRIDGE_ID, matcher.start(), matcher.end(), matcher.group(), null, null);
        }
        if (matcher.group("uniqueid") != null) {
            return new Token(Kind.UNIQUE_ID, matcher.start(), matcher.end(), matcher.group(), null, null);
        }
        if (matcher.group("sequence") != null) {
            int start = matcher.start("sequence");
            return new Token(Kind.CHANNEL_SEQUENCE, start, matcher.end(), matcher.group("sequence"),
                    channelTech(value, matcher.start()), null);
        }
        if (matcher.group("callid") != null) {
            return new Token(Kind.SIP_CALL_ID, matcher.start(), matcher.end(), matcher.group(), null, null);
        }
        return new Token(Kind.PARTY, matcher.start(), matcher.end(), matcher.group(), null,
                roleOfToken.get(matcher.group()));
    }

    /** The technology of the channel whose name ends at {@code dash}: the letters before the last {@code /}. */
    private static String channelTech(String value, int dash) {
        int slash = value.lastIndexOf('/', dash);
        int begin = slash;
        while (begin > 0 && Character.isLetterOrDigit(value.charAt(begin - 1))) {
            begin--;
        }
        return value.substring(begin, slash);
    }
}
