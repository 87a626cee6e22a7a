package dev.zvonok.app.card;

import dev.zvonok.model.call.CallNotes;
import java.util.ArrayList;
import java.util.List;

/** Remembers what the cards sent out, as the outbox would receive it. */
final class RecordingSync implements CardSync {

    record Edit(String callId, CallNotes draft) {
    }

    final List<Edit> edits = new ArrayList<>();
    final List<String> finished = new ArrayList<>();
    /** Edits and finishes in the order they went out: "edit 1795…", "finish 1795…". */
    final List<String> sent = new ArrayList<>();

    @Override
    public void notesEdited(String callId, CallNotes draft) {
        edits.add(new Edit(callId, draft));
        sent.add("edit " + callId);
    }

    @Override
    public void finish(String callId) {
        finished.add(callId);
        sent.add("finish " + callId);
    }

    Edit lastEdit() {
        return edits.getLast();
    }
}
