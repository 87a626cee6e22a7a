package dev.zvonok.server.ws;

/** One user's card of one call, as the WebSocket names it (the database names it by the extension that rang). */
record UserCard(String callId, long userId) {
}
