package dev.zvonok.server.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.zvonok.server.tracking.CallRecord;
import java.io.UncheckedIOException;

/** One call per line of JSON, the {@code replay} command's output: times in ISO-8601, nulls kept. */
public final class CallJsonLines {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public String line(CallRecord call) {
        try {
            return json.writeValueAsString(call);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
