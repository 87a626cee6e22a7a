package dev.zvonok.server.history;

import static dev.zvonok.server.calls.CallScenarios.DEALER;
import static dev.zvonok.server.calls.CallScenarios.ROMASHKA;
import static dev.zvonok.server.calls.CallScenarios.at;
import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.TEAMS;
import static dev.zvonok.server.db.schema.Tables.USER_TEAMS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.api.ApiError;
import dev.zvonok.model.api.CallDetails;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.api.CallPage;
import dev.zvonok.model.api.LoginRequest;
import dev.zvonok.model.api.OfferView;
import dev.zvonok.model.api.Pagination;
import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.model.api.TransferView;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.HangupSide;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.Priority;
import dev.zvonok.model.call.TransferKind;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.server.api.ClientAddresses;
import dev.zvonok.server.api.HttpServer;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.auth.AuthSettings;
import dev.zvonok.server.auth.Authentication;
import dev.zvonok.server.calls.CallCards;
import dev.zvonok.server.calls.CallRecorder;
import dev.zvonok.server.calls.CallRepository;
import dev.zvonok.server.calls.CallScenarios;
import dev.zvonok.server.calls.CardKey;
import dev.zvonok.server.calls.RecorderFixture;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.directory.DemoDirectorySeeder;
import dev.zvonok.server.directory.Passwords;
import dev.zvonok.server.directory.User;
import dev.zvonok.server.tracking.CallEvent;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The history API through a real server on a free port, behind the real access guard (users log in with the demo
 * password), over the recorded demo calls of two days.
 */
class CallHistoryRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** The call centre's zone in this test: UTC+4, so that its days and UTC's differ. */
    private static final ZoneId SAMARA = ZoneId.of("Europe/Samara");
    private static final Instant DAY1 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-11-21T09:00:00Z");
    /** 21:30 UTC on the 21st: already the 22nd in Samara. */
    private static final Instant LATE = Instant.parse("2026-11-21T21:30:00Z");

    /** Written over two lines, with the spaces a hurried operator leaves. */
    private static final String IVANOVS_NOTE = "Дилер хочет на ТО,\n   передал Петрову  ";
    /** Longer than a list's preview, with a character of two UTF-16 units where the preview is cut. */
    private static final String LONG_NOTE = "Ж".repeat(CallListItem.NOTES_PREVIEW_CHARS - 2) + "📞📞" + "конец";

    private static final ObjectMapper JSON = Json.mapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RecorderFixture fixture;
    private static Javalin server;
    private static String base;
    private static final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    static void recordTwoDaysAndStart() throws Exception {
        fixture = new RecorderFixture(db.dsl());
        List<CallEvent> events = new ArrayList<>();
        events.addAll(CallScenarios.directAnswered("d1-direct", DAY1, DEALER));
        events.addAll(CallScenarios.missed("d1-missed", DAY1.plusSeconds(3600)));
        events.addAll(CallScenarios.queueAnsweredElsewhere("d1-queue", DAY1.plusSeconds(7200)));
        events.addAll(CallScenarios.directAnswered("d1-romashka", DAY1.plusSeconds(9000), ROMASHKA));
        events.addAll(CallScenarios.blindTransfer("d2-blind", DAY2));
        events.addAll(CallScenarios.attendedTransfer("d2-attended", "d2-consult", DAY2.plusSeconds(600)));
        events.addAll(CallScenarios.outboundAnswered("d2-outbound", DAY2.plusSeconds(1200)));
        events.addAll(CallScenarios.directAnswered("d3-late", LATE, DEALER));
        try (CallRecorder recorder = new CallRecorder(db.dsl(), fixture.directory).start()) {
            events.forEach(recorder::onCallEvent);
            assertThat(recorder.awaitIdle(Duration.ofSeconds(20))).isTrue();
        }
        CallCards cards = new CallCards(db.dsl(), fixture.numbers);
        // Ivanov passed the dealer on to Petrov: both wrote on the call, each on their own card
        cards.save(new CardKey("d2-blind", "777"), user("ivanov").id(), null, new CallNotes(IVANOVS_NOTE,
                List.of(), Priority.NORMAL, ClientInfo.EMPTY, 0));
        cards.finish(new CardKey("d2-blind", "777"), user("ivanov").id(), null, at(DAY2, 20));
        cards.save(new CardKey("d1-direct", "777"), user("ivanov").id(), null, new CallNotes(LONG_NOTE,
                List.of(), Priority.NORMAL, ClientInfo.EMPTY, 0));
        cards.save(new CardKey("d2-blind", "888"), user("petrov").id(), null, new CallNotes("Записал на ТО",
                List.of("сервис"), Priority.HIGH, new ClientInfo("Сергей", null, null, null), 0));
        cards.finish(new CardKey("d2-blind", "888"), user("petrov").id(), null, at(DAY2, 55));

        // the main line's queue call came in on a named line; Petrov is in the "Сервис" team
        db.dsl().update(CALLS).set(CALLS.LINE_NAME, "Главная линия").set(CALLS.LINE_SOURCE, "Сайт")
                .where(CALLS.LINKEDID.eq("d1-queue")).execute();
        long serviceTeam = db.dsl().insertInto(TEAMS).set(TEAMS.NAME, "Сервис").returning(TEAMS.ID)
                .fetchOne(TEAMS.ID);
        db.dsl().insertInto(USER_TEAMS).set(USER_TEAMS.TEAM_ID, serviceTeam)
                .set(USER_TEAMS.USER_ID, user("petrov").id()).execute();

        CallRepository calls = new CallRepository(db.dsl(), fixture.numbers);
        Authentication auth = Authentication.create(AuthSettings.defaults(), db.dsl(), fixture.users,
                new Passwords(4), ClientAddresses.direct());
        List<Routes> routes = new ArrayList<>(auth.routes());
        routes.add(new CallHistoryRoutes(calls, fixture.numbers, SAMARA));
        server = HttpServer.create(JSON, routes);
        server.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
        for (String login : List.of("ivanov", "petrov", "sidorov", "supervisor", "admin")) {
            tokens.put(login, login(login));
        }
    }

    private static String login(String login) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        new LoginRequest(login, DemoDirectorySeeder.DEMO_PASSWORD))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), TokenResponse.class).accessToken();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static User user(String login) {
        return fixture.users.findByLogin(login).orElseThrow();
    }

    private static HttpResponse<String> get(String login, String pathAndQuery) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
        if (login != null) {
            request.header("Authorization", "Bearer " + tokens.get(login));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static CallPage list(String login, String query) throws Exception {
        HttpResponse<String> response = get(login, "/api/calls" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return JSON.readValue(response.body(), CallPage.class);
    }

    private static List<String> ids(CallPage page) {
        return page.data().stream().map(CallListItem::id).toList();
    }

    private static ApiError error(HttpResponse<String> response) throws IOException {
        return JSON.readValue(response.body(), ApiError.class);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // lists
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void aSupervisorSeesEveryCallNewestFirstTwentyToAPage() throws Exception {
        CallPage page = list("supervisor", "");

        assertThat(ids(page)).containsExactly("d3-late", "d2-outbound", "d2-attended", "d2-blind", "d1-romashka",
                "d1-queue", "d1-missed", "d1-direct");
        assertThat(page.pagination()).isEqualTo(new Pagination(1, 20, 8, 1));
        assertThat(list("admin", "").pagination().total()).isEqualTo(8);
        CallListItem blind = page.data().get(3);
        assertThat(blind).isEqualTo(new CallListItem("d2-blind", CallDirection.INBOUND, DEALER,
                new CallerView(CallerKind.DEALER, "Автодом Волга", "ООО «Волга-Авто»"), "777", null,
                CallDisposition.ANSWERED, "777", "Иван Иванов", DAY2, at(DAY2, 2), at(DAY2, 40), 2L, 38L,
                HangupSide.CALLER, DAY2.plusSeconds(600), // the dealer called again: d2-attended
                "Дилер хочет на ТО, передал Петрову | Записал на ТО"));
    }

    @Test
    void aListShowsTheStartOfEveryCardsNotesOnOneLine() throws Exception {
        Map<String, String> notes = new HashMap<>();
        list("supervisor", "").data().forEach(call -> notes.put(call.id(), call.notes()));

        assertThat(notes.get("d2-blind")).as("both operators' notes, in ring order, on one line")
                .isEqualTo("Дилер хочет на ТО, передал Петрову | Записал на ТО");
        assertThat(notes.get("d1-missed")).as("nobody wrote anything").isNull();
        String preview = notes.get("d1-direct");
        assertThat(preview.codePointCount(0, preview.length())).isEqualTo(CallListItem.NOTES_PREVIEW_CHARS);
        assertThat(preview).as("cut between two whole characters, and says so")
                .isEqualTo("Ж".repeat(CallListItem.NOTES_PREVIEW_CHARS - 2) + "📞…");
        assertThat(list("ivanov", "?number=" + encoded(DEALER) + "&dateTo=2026-11-20").data())
                .extracting(CallListItem::notes).contains(preview);
    }

    @Test
    void pagesAndTotals() throws Exception {
        CallPage first = list("supervisor", "?limit=3");
        CallPage third = list("supervisor", "?limit=3&page=3");
        CallPage beyond = list("supervisor", "?page=4&limit=3");

        assertThat(ids(first)).containsExactly("d3-late", "d2-outbound", "d2-attended");
        assertThat(first.pagination()).isEqualTo(new Pagination(1, 3, 8, 3));
        assertThat(ids(third)).containsExactly("d1-missed", "d1-direct");
        assertThat(third.pagination()).isEqualTo(new Pagination(3, 3, 8, 3));
        assertThat(beyond.data()).isEmpty();
        assertThat(beyond.pagination()).isEqualTo(new Pagination(4, 3, 8, 3));
        assertThat(list("supervisor", "?limit=100").data()).hasSize(8);
        assertThat(list("supervisor", "?limit=8").pagination().totalPages()).isEqualTo(1);
    }

    @Test
    void aMissedCallIsReachedByTheNextAnsweredCallFromOrToItsNumber() throws Exception {
        CallListItem missed = list("supervisor", "?status=missed").data().getFirst();
        java.time.Instant firstAnsweredAfter = list("supervisor", "?limit=100").data().stream()
                .filter(c -> c.disposition() == dev.zvonok.model.call.CallDisposition.ANSWERED)
                .filter(c -> c.startedAt().isAfter(missed.startedAt()))
                .filter(c -> c.direction() == CallDirection.INBOUND ? DEALER.equals(c.callerNumber())
                        : c.direction() == CallDirection.OUTBOUND && DEALER.equals(c.dialed()))
                .map(CallListItem::startedAt).min(java.util.Comparator.naturalOrder()).orElseThrow();

        assertThat(missed.reachedAt()).as("the dealer got through, or was called back").isEqualTo(firstAnsweredAfter);
        assertThat(ids(list("supervisor", "?status=missed&reached=true"))).containsExactly("d1-missed");
        assertThat(list("supervisor", "?status=missed&reached=false").data()).as("nothing left to call back")
                .isEmpty();
        assertThat(list("supervisor", "?limit=100").data()).filteredOn(c -> c.id().equals("d3-late")).singleElement()
                .extracting(CallListItem::reachedAt).isNull();
    }

    @Test
    void byStatusAndDirection() throws Exception {
        assertThat(ids(list("supervisor", "?status=missed"))).containsExactly("d1-missed");
        assertThat(list("supervisor", "?status=answered").pagination().total()).isEqualTo(7);
        assertThat(list("supervisor", "?status=busy").data()).isEmpty();
        assertThat(ids(list("supervisor", "?direction=outbound"))).containsExactly("d2-outbound");
        assertThat(ids(list("supervisor", "?direction=inbound&status=answered&limit=2")))
                .containsExactly("d3-late", "d2-attended");
    }

    @Test
    void byDatesAsDaysOfTheCallCentresZoneOrAsInstantsBothEndsIncluded() throws Exception {
        assertThat(ids(list("supervisor", "?dateFrom=2026-11-21&dateTo=2026-11-21")))
                .as("21:30 UTC is the 22nd in Samara").containsExactly("d2-outbound", "d2-attended", "d2-blind");
        assertThat(ids(list("supervisor", "?dateFrom=2026-11-22"))).containsExactly("d3-late");
        assertThat(list("supervisor", "?dateTo=2026-11-20").pagination().total()).isEqualTo(4);
        assertThat(ids(list("supervisor", "?dateFrom=2026-11-20T09:00:00Z&dateTo=2026-11-20T09:00:00Z")))
                .containsExactly("d1-direct");
        assertThat(ids(list("supervisor", "?dateFrom=" + encoded("2026-11-21T13:10:00+04:00")
                + "&dateTo=2026-11-21T13:20")))
                .as("an offset, or a local time of the call centre").containsExactly("d2-outbound", "d2-attended");
    }

    @ParameterizedTest
    @ValueSource(strings = {"89271390907", "+79271390907", "79271390907", "9271390907", "+7 (927) 139-09-07"})
    void byNumberInAnyFormat(String number) throws Exception {
        CallPage page = list("supervisor", "?number=" + encoded(number));

        assertThat(ids(page)).as("calls from the dealer and the one to them").containsExactly("d3-late",
                "d2-outbound", "d2-attended", "d2-blind", "d1-queue", "d1-missed", "d1-direct");
    }

    @Test
    void byNumberOfAnExtensionOrADialedNumber() throws Exception {
        assertThat(ids(list("supervisor", "?number=74951234567"))).as("the dialed main line")
                .containsExactly("d1-queue");
        assertThat(ids(list("supervisor", "?number=" + encoded("+7 999 123-45-67")))).containsExactly("d1-romashka");
    }

    @Test
    void aSupervisorListsOneOperatorsCalls() throws Exception {
        long petrov = user("petrov").id();
        assertThat(ids(list("supervisor", "?operatorId=" + petrov)))
                .containsExactly("d2-attended", "d2-blind", "d1-queue");
        assertThat(ids(list("supervisor", "?operatorId=" + petrov + "&dateFrom=2026-11-21")))
                .containsExactly("d2-attended", "d2-blind");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the journal's filters, counted by the server
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void byLineQueueAndTeam() throws Exception {
        assertThat(ids(list("supervisor", "?line=" + encoded("главная ЛИНИЯ")))).containsExactly("d1-queue");
        assertThat(ids(list("supervisor", "?queue=support"))).containsExactly("d1-queue");
        assertThat(list("supervisor", "?queue=sales").data()).isEmpty();
        assertThat(list("supervisor", "?team=" + encoded("Продажи")).data()).as("no such team").isEmpty();
        assertThat(ids(list("supervisor", "?team=" + encoded("Сервис")))).as("the calls that rang Petrov")
                .containsExactly("d2-attended", "d2-blind", "d1-queue");
        assertThat(list("supervisor", "?team=" + encoded("сервис") + "&dateFrom=2026-11-21").pagination().total())
                .isEqualTo(2);
    }

    @Test
    void aCallOnNoKnownLineIsOnTheLineOfItsDialledNumberAsTheStatisticsCountIt() throws Exception {
        String dialled = db.dsl().select(CALLS.DIALED_NORMALIZED).from(CALLS)
                .where(CALLS.LINKEDID.eq("d1-missed")).fetchOne(CALLS.DIALED_NORMALIZED);
        List<String> expected = db.dsl().select(CALLS.LINKEDID).from(CALLS)
                .where(CALLS.LINE_NAME.isNull(), CALLS.DIALED_NORMALIZED.eq(dialled))
                .orderBy(CALLS.STARTED_AT.desc()).fetch(CALLS.LINKEDID);

        assertThat(expected).contains("d1-missed");
        assertThat(ids(list("supervisor", "?line=" + encoded(dialled)))).containsExactlyElementsOf(expected);
    }

    @Test
    void byWhatTheOperatorsWroteOnTheCards() throws Exception {
        assertThat(ids(list("supervisor", "?tag=" + encoded("сервис")))).containsExactly("d2-blind");
        assertThat(ids(list("supervisor", "?priority=high"))).containsExactly("d2-blind");
        assertThat(ids(list("supervisor", "?priority=normal"))).containsExactly("d2-blind", "d1-direct");
        assertThat(list("supervisor", "?priority=urgent").data()).isEmpty();
        assertThat(ids(list("supervisor", "?hasNotes=true"))).containsExactly("d2-blind", "d1-direct");
        assertThat(list("supervisor", "?hasNotes=false").pagination().total()).as("8 calls, 2 with notes")
                .isEqualTo(6);
        assertThat(ids(list("supervisor", "?notesText=" + encoded("ЗАПИСАЛ на то")))).containsExactly("d2-blind");
        assertThat(list("supervisor", "?notesText=" + encoded("50%")).data())
                .as("a wildcard is searched for as typed").isEmpty();
    }

    @Test
    void byNameOfTheCallerOrOfAnOperator() throws Exception {
        assertThat(list("supervisor", "?name=" + encoded("волга")).pagination().total())
                .as("the dealer's calls, by its name or company").isEqualTo(7);
        assertThat(ids(list("supervisor", "?name=" + encoded("петров")))).as("the calls that rang Petrov")
                .containsExactly("d2-attended", "d2-blind", "d1-queue");
        assertThat(ids(list("supervisor", "?name=" + encoded("Сергей")))).as("as the operator noted the client")
                .containsExactly("d2-blind");
        assertThat(ids(list("petrov", "?name=" + encoded("волга") + "&dateTo=2026-11-20")))
                .as("an operator still sees their own calls only").containsExactly("d1-queue");
    }

    @Test
    void keysetPagingWalksEveryCallOnceInOrder() throws Exception {
        List<String> walked = new ArrayList<>();
        CallPage page = list("supervisor", "?limit=3");
        int pages = 1;
        walked.addAll(ids(page));
        while (page.next() != null) {
            page = list("supervisor", "?limit=3&after=" + encoded(page.next()));
            walked.addAll(ids(page));
            pages++;
        }

        assertThat(walked).containsExactlyElementsOf(ids(list("supervisor", "?limit=100")));
        assertThat(pages).isEqualTo(3);
        assertThat(page.data()).hasSize(2);
        assertThat(list("supervisor", "?limit=8").next()).as("nothing after the last call").isNull();
        assertThat(ids(list("supervisor", "?limit=2&status=answered&after="
                + encoded(list("supervisor", "?limit=1&status=answered").next()))))
                .as("filters apply to the pages after").containsExactly("d2-outbound", "d2-attended");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // operators see their own calls
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void anOperatorListsTheirOwnCallsOnly() throws Exception {
        long petrov = user("petrov").id();

        assertThat(ids(list("petrov", ""))).containsExactly("d2-attended", "d2-blind", "d1-queue");
        assertThat(list("petrov", "").pagination()).isEqualTo(new Pagination(1, 20, 3, 1));
        assertThat(ids(list("petrov", "?operatorId=" + petrov + "&status=answered&number=9271390907")))
                .containsExactly("d2-attended", "d2-blind", "d1-queue");
        assertThat(list("sidorov", "").pagination()).isEqualTo(new Pagination(1, 20, 0, 0));

        HttpResponse<String> others = get("petrov", "/api/calls?operatorId=" + user("ivanov").id());
        assertThat(others.statusCode()).isEqualTo(403);
        assertThat(error(others).code()).isEqualTo("forbidden");
        assertThat(error(others).message()).startsWith("operatorId");
    }

    @Test
    void anOperatorCannotFetchSomebodyElsesCall() throws Exception {
        HttpResponse<String> ivanovs = get("petrov", "/api/calls/d1-direct");
        HttpResponse<String> nobodys = get("petrov", "/api/calls/no-such-call");

        assertThat(ivanovs.statusCode()).isEqualTo(404);
        assertThat(error(ivanovs)).isEqualTo(new ApiError("not-found", "no call d1-direct"));
        assertThat(nobodys.statusCode()).isEqualTo(404);
        assertThat(error(nobodys)).isEqualTo(new ApiError("not-found", "no call no-such-call"));
        assertThat(get("petrov", "/api/calls/d2-blind").statusCode()).isEqualTo(200);
        assertThat(get("ivanov", "/api/calls/d1-direct").statusCode()).isEqualTo(200);
    }

    @Test
    void withoutALoginNothingIsAnswered() throws Exception {
        assertThat(get(null, "/api/calls").statusCode()).isEqualTo(401);
        assertThat(get(null, "/api/calls/d1-direct").statusCode()).isEqualTo(401);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // one call
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void aCallInFullWithEveryOperatorsCard() throws Exception {
        HttpResponse<String> response = get("supervisor", "/api/calls/d2-blind");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        CallDetails details = JSON.readValue(response.body(), CallDetails.class);

        assertThat(details.call().id()).isEqualTo("d2-blind");
        assertThat(details.call().caller().kind()).isEqualTo(CallerKind.DEALER);
        assertThat(details.offers()).as("who rang, how it went, and each operator's card with when they closed it")
                .containsExactly(
                new OfferView("777", user("ivanov").id(), "Иван Иванов", OfferResult.TRANSFERRED, at(DAY2, 0.1),
                        at(DAY2, 2), at(DAY2, 10), null, "888",
                        new CallNotes(IVANOVS_NOTE, List.of(), Priority.NORMAL, ClientInfo.EMPTY, 1),
                        at(DAY2, 20), false, 10L),
                new OfferView("888", user("petrov").id(), "Пётр Петров", OfferResult.ANSWERED, at(DAY2, 10.1),
                        at(DAY2, 13), at(DAY2, 40), "777", null,
                        new CallNotes("Записал на ТО", List.of("сервис"), Priority.HIGH,
                                new ClientInfo("Сергей", null, null, null), 1),
                        at(DAY2, 55), false, 15L));
        assertThat(details.transfers()).containsExactly(
                new TransferView("777", "888", TransferKind.BLIND, at(DAY2, 10)));
        assertThat(response.body()).contains("\"priority\":\"high\"", "\"finishedAt\":\"2026-11-21T09:00:55Z\"");
    }

    @Test
    void aCallsDetailsHoldTheWholeNotesWhereTheListHasTheirStart() throws Exception {
        HttpResponse<String> response = get("ivanov", "/api/calls/d1-direct");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        CallDetails details = JSON.readValue(response.body(), CallDetails.class);

        assertThat(details.offers()).singleElement().satisfies(offer -> {
            assertThat(offer.notes().notes()).isEqualTo(LONG_NOTE);
            assertThat(offer.finishedAt()).as("still open").isNull();
            assertThat(offer.wrapUpSeconds()).isNull();
        });
        assertThat(details.call().notes()).endsWith("…");
        assertThat(details.transfers()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // bad parameters
    // ---------------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "page=0              | page",
            "page=two            | page",
            "page=99999999999    | page",
            "page=50000000&limit=100 | page",
            "limit=0             | limit",
            "limit=101           | limit",
            "limit=-5            | limit",
            "dateFrom=yesterday  | dateFrom",
            "dateFrom=2026-13-01 | dateFrom",
            "dateTo=2026-11-21T25:00Z | dateTo",
            "dateFrom=2026-11-22&dateTo=2026-11-21 | dateTo",
            "status=lost         | status",
            "direction=sideways  | direction",
            "reached=maybe       | reached",
            "operatorId=abc      | operatorId",
            "operatorId=0        | operatorId",
            "answeredBy=petrov   | answeredBy",
            "number=nobody       | number",
            "colour=red          | colour",
            "Status=missed       | Status",
            "priority=highest    | priority",
            "team=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx| team",
            "hasNotes=yes        | hasNotes",
            "after=yesterday     | after",
            "after=1.2&page=2    | after",
    })
    void badParametersAre400sNamingTheParameter(String query, String parameter) throws Exception {
        HttpResponse<String> response = get("supervisor", "/api/calls?" + query);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        ApiError error = error(response);
        assertThat(error.code()).isEqualTo("bad-request");
        assertThat(error.message()).startsWith(parameter + ":");
    }

    @Test
    void emptyParametersFilterNothing() throws Exception {
        assertThat(list("supervisor", "?status=&number=&dateFrom=&page=&limit=").pagination())
                .isEqualTo(new Pagination(1, 20, 8, 1));
    }
}
