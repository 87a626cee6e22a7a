package dev.zvonok.model.api;

import dev.zvonok.model.call.TransferKind;
import java.time.Instant;

public record TransferView(String from, String to, TransferKind kind, Instant at) {
}
