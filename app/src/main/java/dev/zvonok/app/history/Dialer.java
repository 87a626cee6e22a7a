package dev.zvonok.app.history;

import java.util.concurrent.CompletableFuture;

/**
 * Click-to-call (the WebSocket's {@code originate}): the operator's desk phone rings, then dials the number. The
 * future completes when the server has accepted the request — with the {@link PlacedCall} that later says if the
 * phone was not reached after all — and fails when the server refused it or is unreachable.
 */
@FunctionalInterface
public interface Dialer {

    /** @param number as the history lists it (E.164 or an extension); the server makes it dialable */
    CompletableFuture<PlacedCall> callBack(String number);
}
