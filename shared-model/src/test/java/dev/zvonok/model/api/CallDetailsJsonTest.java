package dev.zvonok.model.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.Priority;
import dev.zvonok.model.call.TransferKind;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /api/calls} and {@code GET /api/calls/{id}} as both sides read them. */
class CallDetailsJsonTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    /** As the server and the app set theirs up: ISO times, unknown fields tolerated. */
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final CallListItem call = new CallListItem("1795288652.0", CallDirection.INBOUND, "+79271390907",
            new CallerView(CallerKind.DEALER, "Автодом Волга", "ООО «Волга-Авто»"), "777", "support",
            CallDisposition.ANSWERED, "888", "Пётр Петров", T0, T0.plusSeconds(13), T0.plusSeconds(40), 13L, 27L,
            null, null, "Передал Петрову | Записал на ТО");

    @Test
    void aCallInFullGoesThereAndBack() throws Exception {
        CallDetails details = new CallDetails(call,
                List.of(new OfferView("777", 1L, "Иван Иванов", OfferResult.TRANSFERRED, T0, T0.plusSeconds(2),
                                T0.plusSeconds(10), null, "888", new CallNotes("Передал Петрову", List.of(),
                                Priority.NORMAL, ClientInfo.EMPTY, 1), T0.plusSeconds(20), false, 10L),
                        new OfferView("888", 2L, "Пётр Петров", OfferResult.ANSWERED, T0.plusSeconds(10),
                                T0.plusSeconds(13), T0.plusSeconds(40), "777", null, new CallNotes("Записал на ТО",
                                List.of("сервис"), Priority.URGENT, new ClientInfo("Сергей", "Волга-Авто", null,
                                null), 2), null, true, null)),
                List.of(new TransferView("777", "888", TransferKind.BLIND, T0.plusSeconds(10))));

        String text = json.writeValueAsString(details);

        assertThat(json.readValue(text, CallDetails.class)).isEqualTo(details);
        assertThat(text).contains("\"notes\":\"Передал Петрову | Записал на ТО\"", "\"wrapUpSeconds\":10",
                "\"priority\":\"urgent\"", "\"pickedUp\":true", "\"kind\":\"blind\"",
                "\"finishedAt\":\"2026-11-21T09:00:20Z\"");
    }

    @Test
    void anAnswerOfAServerBeforeNotesPreviewsAndWrapUpReadsAsUnknown() throws Exception {
        CallListItem older = json.readValue("""
                {"id":"c1","direction":"inbound","callerNumber":"+79271390907","disposition":"missed",
                 "startedAt":"2026-11-21T09:00:00Z"}""", CallListItem.class);
        OfferView offer = json.readValue("""
                {"extension":"777","result":"missed","ringAt":"2026-11-21T09:00:00Z","pickedUp":false}""",
                OfferView.class);

        assertThat(older.notes()).isNull();
        assertThat(offer.wrapUpSeconds()).isNull();
        assertThat(offer.notes()).isNull();
    }
}
