package dev.zvonok.server.calls;

import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.Priority;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card columns of an offer (notes, tags, priority, client_info, notes_version) read and written as one
 * {@link CallNotes}. Empty values are stored as null, so that "nothing written" looks the same however it came about.
 */
final class StoredNotes {

    private static final Logger log = LoggerFactory.getLogger(StoredNotes.class);

    static final List<Field<?>> COLUMNS = List.of(CALL_OFFERS.NOTES, CALL_OFFERS.TAGS, CALL_OFFERS.PRIORITY,
            CALL_OFFERS.CLIENT_INFO, CALL_OFFERS.NOTES_VERSION);

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StoredNotes() {
    }

    /** The notes of a record holding {@link #COLUMNS}. */
    static CallNotes from(Record r) {
        Priority priority = priority(r.get(CALL_OFFERS.PRIORITY));
        return new CallNotes(
                r.get(CALL_OFFERS.NOTES),
                tags(r.get(CALL_OFFERS.TAGS)),
                priority == null ? Priority.NORMAL : priority,
                clientInfo(r.get(CALL_OFFERS.CLIENT_INFO)),
                r.get(CALL_OFFERS.NOTES_VERSION));
    }

    static List<String> tags(String[] stored) {
        return stored == null ? List.of() : Arrays.asList(stored);
    }

    /** Null when the card was never saved. */
    static Priority priority(String stored) {
        return stored == null ? null : Priority.valueOf(stored.toUpperCase(Locale.ROOT));
    }

    /** The columns to set for tidy notes ({@link dev.zvonok.model.call.CallNotesRules#tidy}); the version is left to the caller. */
    static Map<Field<?>, Object> values(CallNotes notes) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(CALL_OFFERS.NOTES, notes.notes().isEmpty() ? null : notes.notes());
        values.put(CALL_OFFERS.TAGS, notes.tags().isEmpty() ? null : notes.tags().toArray(String[]::new));
        values.put(CALL_OFFERS.PRIORITY, notes.priority().wireName());
        values.put(CALL_OFFERS.CLIENT_INFO, json(notes.clientInfo()));
        return values;
    }

    private static JSONB json(ClientInfo info) {
        if (info.equals(ClientInfo.EMPTY)) {
            return null;
        }
        try {
            return JSONB.valueOf(JSON.writeValueAsString(info));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write client info as JSON", e);
        }
    }

    /** {@link ClientInfo#EMPTY} when none (or unreadable). */
    static ClientInfo clientInfo(JSONB json) {
        if (json == null) {
            return ClientInfo.EMPTY;
        }
        try {
            return JSON.readValue(json.data(), ClientInfo.class);
        } catch (JsonProcessingException e) {
            // written by hand or by a future version: the card still opens, without the client fields
            log.warn("Unreadable client info on a call card ({}): {}", e.getOriginalMessage(), json.data());
            return ClientInfo.EMPTY;
        }
    }
}
