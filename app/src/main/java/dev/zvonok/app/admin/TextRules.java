package dev.zvonok.app.admin;

/** The server's rules for plain text fields (required or not, how long), checked as the admin types. */
final class TextRules {

    private TextRules() {
    }

    static Message required(String text, int maxLength) {
        return text.isEmpty() ? Message.of("admin.problem.required") : optional(text, maxLength);
    }

    static Message optional(String text, int maxLength) {
        return text.length() > maxLength ? Message.of("admin.problem.tooLong", Integer.toString(maxLength)) : null;
    }

    /** The value for a request: null for an empty field. */
    static String orNull(FormField field) {
        return field.text().isEmpty() ? null : field.text();
    }
}
