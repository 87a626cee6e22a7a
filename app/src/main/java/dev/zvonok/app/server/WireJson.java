package dev.zvonok.app.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How the app reads and writes JSON: the server's own settings (server-lite's {@code api.Json}), so that both ends
 * agree on the wire. ISO-8601 times; fields this app does not know yet are skipped, so an updated server does not
 * break an older app.
 */
public final class WireJson {

    private WireJson() {
    }

    /** A new, configured mapper; thread-safe once built, so one per process is enough. */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
}
