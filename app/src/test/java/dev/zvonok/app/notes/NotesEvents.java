package dev.zvonok.app.notes;

import dev.zvonok.model.call.CallNotes;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Everything a notes outbox told its listeners. */
final class NotesEvents implements NotesListener {

    record Ack(String callId, int version, Instant savedAt) {
    }

    record Conflict(String callId, CallNotes serverNotes, CallNotes keptDraft) {
    }

    record Rejection(String callId, NotesRejection rejection) {
    }

    final List<Ack> acks = new CopyOnWriteArrayList<>();
    final List<Conflict> conflicts = new CopyOnWriteArrayList<>();
    final List<Rejection> rejections = new CopyOnWriteArrayList<>();
    final List<Integer> pending = new CopyOnWriteArrayList<>();

    @Override
    public void acknowledged(String callId, int version, Instant savedAt) {
        acks.add(new Ack(callId, version, savedAt));
    }

    @Override
    public void conflict(String callId, CallNotes serverNotes, CallNotes keptDraft) {
        conflicts.add(new Conflict(callId, serverNotes, keptDraft));
    }

    @Override
    public void rejected(String callId, NotesRejection rejection) {
        rejections.add(new Rejection(callId, rejection));
    }

    @Override
    public void pendingChanged(int count) {
        pending.add(count);
    }
}
