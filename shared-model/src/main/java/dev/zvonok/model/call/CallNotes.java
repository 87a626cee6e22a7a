package dev.zvonok.model.call;

import java.util.List;

/**
 * What one operator wrote on one call's card, with the version the server stored it under (0 = nothing stored yet).
 * Each save must name the version it edits; a save of an older version is refused with the current text.
 */
public record CallNotes(String notes, List<String> tags, Priority priority, ClientInfo clientInfo, int version) {

    public static final int MAX_NOTES_CHARS = 10_000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG_CHARS = 64;
    public static final int MAX_CLIENT_FIELD_CHARS = 500;

    public static final CallNotes NONE = new CallNotes("", List.of(), Priority.NORMAL, ClientInfo.EMPTY, 0);

    public CallNotes {
        notes = notes == null ? "" : notes;
        tags = tags == null ? List.of() : List.copyOf(tags);
        priority = priority == null ? Priority.NORMAL : priority;
        clientInfo = clientInfo == null ? ClientInfo.EMPTY : clientInfo;
    }
}
