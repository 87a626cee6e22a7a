package dev.zvonok.server.sim;

import dev.zvonok.server.amiwire.AmiMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces every id in field values by its rank of first appearance ({@code <uid#3>}, {@code <chan#1>}...), so two
 * timelines compare equal exactly when they use ids the same way: same old id, same new id, and no two ids merged.
 */
final class IdNormalizer {

    static final Pattern IDS = Pattern.compile(
            "(?<bridge>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
                    + "|(?<uid>(?<![\\w.])\\d{10}\\.\\d+(?![\\w.]))"
                    + "|(?<chan>(?<tech>SIP|PJSIP|Local)/[^\\s/,&;|]+?-(?<seq>[0-9a-f]{8})(?![0-9A-Za-z]))"
                    + "|(?<callid>(?<![\\w])[0-9a-f]{16,32}(?=@))");

    private final Map<String, String> seen = new HashMap<>();
    private final Map<String, Integer> perKind = new HashMap<>();
    private final boolean keepUniqueidEpochs;

    /** @param keepUniqueidEpochs keep a Uniqueid's epoch part (a time), so that times are compared too */
    IdNormalizer(boolean keepUniqueidEpochs) {
        this.keepUniqueidEpochs = keepUniqueidEpochs;
    }

    String normalize(String key, String value) {
        if (key.equals("SentNTP")) {
            return value;
        }
        if (key.equals("LoginTime")) {
            return "<login time>"; // the simulated PBX's own start, not the recording's (see TimeFields)
        }
        Matcher matcher = IDS.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String kind = matcher.group("bridge") != null ? "bridge" : matcher.group("uid") != null ? "uid"
                    : matcher.group("chan") != null ? "chan" : "callid";
            String id = matcher.group();
            String idKey = switch (kind) {
                case "uid" -> id.substring(id.indexOf('.'));
                case "chan" -> matcher.group("tech") + "-" + matcher.group("seq");
                default -> id;
            };
            String name = seen.computeIfAbsent(kind + ":" + idKey,
                    k -> "<" + kind + "#" + perKind.merge(kind, 1, Integer::sum) + ">");
            String replacement = switch (kind) {
                case "uid" -> keepUniqueidEpochs ? id.substring(0, id.indexOf('.')) + name : name;
                case "chan" -> id.substring(0, id.length() - 8) + name;
                default -> name;
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The message as {@code Key: value} lines, ids normalized. */
    String normalize(AmiMessage message) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < message.size(); i++) {
            out.append(message.keyAt(i)).append(": ").append(normalize(message.keyAt(i), message.valueAt(i)))
                    .append('\n');
        }
        return out.toString();
    }
}
