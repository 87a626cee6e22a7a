package dev.zvonok.model.directory;

/**
 * The line of the PBX a call came in on, as the card and the call's history show it: its name and its advertising
 * source (campaign code, "РК" in a call centre's own records).
 *
 * @param name   never blank
 * @param source null when the line has none
 */
public record LineView(String name, String source) {

    public LineView {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a line has a name");
        }
        source = source == null || source.isBlank() ? null : source;
    }

    /** The line of that name and source, or null when there is no name: a call on no known line. */
    public static LineView ofNullable(String name, String source) {
        return name == null || name.isBlank() ? null : new LineView(name, source);
    }
}
