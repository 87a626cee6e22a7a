package dev.zvonok.server.tracking;

import dev.zvonok.model.call.TransferKind;
import java.time.Instant;

/** An operator passed the call on: {@code to} is the target as dialled (extension, queue or number). */
public record TransferRecord(String from, String to, TransferKind kind, Instant at) {
}
