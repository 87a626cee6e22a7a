package dev.zvonok.server.queues;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which extension a queue member's interface stands for, by configured templates: {@code PJSIP/{ext}},
 * {@code SIP/{ext}}, {@code Local/{ext}@from-queue/n}, {@code Local/{ext}@*} ({@code *} matches anything). The first
 * template that matches wins; case is ignored, as Asterisk ignores it in technology names.
 */
public final class MemberInterfaces {

    public static final List<String> DEFAULT_TEMPLATES =
            List.of("PJSIP/{ext}", "SIP/{ext}", "IAX2/{ext}", "Local/{ext}@*");

    private static final String EXT = "{ext}";

    private final List<String> templates;
    private final List<Pattern> patterns;

    public MemberInterfaces(List<String> templates) {
        this.templates = List.copyOf(templates);
        this.patterns = this.templates.stream().map(MemberInterfaces::compile).toList();
    }

    public static MemberInterfaces defaults() {
        return new MemberInterfaces(DEFAULT_TEMPLATES);
    }

    /** The extension behind the interface, e.g. {@code 777} for {@code Local/777@from-queue/n}; empty if none fits. */
    public Optional<String> extensionOf(String memberInterface) {
        if (memberInterface == null) {
            return Optional.empty();
        }
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(memberInterface.strip());
            if (matcher.matches()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    public List<String> templates() {
        return templates;
    }

    private static Pattern compile(String template) {
        int at = template.indexOf(EXT);
        if (at < 0 || template.indexOf(EXT, at + 1) >= 0) {
            throw new IllegalArgumentException(
                    "a queue member template needs {ext} exactly once: '" + template + "'");
        }
        String regex = literal(template.substring(0, at)) + "([^/@;]+)" + literal(template.substring(at + EXT.length()));
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /** Quotes a template's text, {@code *} becoming "anything". */
    private static String literal(String text) {
        StringBuilder regex = new StringBuilder();
        String[] parts = text.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            if (!parts[i].isEmpty()) {
                regex.append(Pattern.quote(parts[i]));
            }
        }
        return regex.toString();
    }
}
