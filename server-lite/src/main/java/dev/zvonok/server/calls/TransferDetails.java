package dev.zvonok.server.calls;

import dev.zvonok.model.call.TransferKind;
import java.time.Instant;

/** A transfer of a call, {@code seq} counting from 1 in the order they happened. */
public record TransferDetails(int seq, String from, String to, TransferKind kind, Instant at) {
}
