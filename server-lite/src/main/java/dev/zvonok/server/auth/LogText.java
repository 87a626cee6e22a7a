package dev.zvonok.server.auth;

/** Text a client typed, made safe for one log line: no line breaks, control or direction characters to forge with. */
final class LogText {

    private static final int MAX_LENGTH = 80;

    private LogText() {
    }

    static String of(String typed) {
        if (typed == null) {
            return "<none>";
        }
        String shortened = typed.length() > MAX_LENGTH ? typed.substring(0, MAX_LENGTH) + "…" : typed;
        StringBuilder safe = new StringBuilder(shortened.length() + 2).append('\'');
        shortened.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT) {
                safe.append('?');
            } else {
                safe.appendCodePoint(c);
            }
        });
        return safe.append('\'').toString();
    }
}
