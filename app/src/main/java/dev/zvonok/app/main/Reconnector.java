package dev.zvonok.app.main;

/** "Reconnect now": the live connection skips the rest of its wait and tries at once. Any thread. */
@FunctionalInterface
public interface Reconnector {

    void reconnectNow();
}
