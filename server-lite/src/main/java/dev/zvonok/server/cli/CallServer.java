package dev.zvonok.server.cli;

import dev.zvonok.model.api.HealthDetails;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.ami.AmiCallTracking;
import dev.zvonok.server.ami.AmiConnection;
import dev.zvonok.server.ami.AmiSettings;
import dev.zvonok.server.ami.ChanSpy;
import dev.zvonok.server.ami.ClickToCall;
import dev.zvonok.server.ami.EventClock;
import dev.zvonok.server.admin.Administration;
import dev.zvonok.server.api.AdminCheck;
import dev.zvonok.server.api.BackgroundCheck;
import dev.zvonok.server.api.HealthRoutes;
import dev.zvonok.server.api.HttpServer;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.api.MetricsRoutes;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.auth.AuthSettings;
import dev.zvonok.server.auth.Authentication;
import dev.zvonok.server.bulk.BulkRoutes;
import dev.zvonok.server.bulk.DirectoryExport;
import dev.zvonok.server.bulk.DirectoryImport;
import dev.zvonok.server.board.Board;
import dev.zvonok.server.board.BoardRoutes;
import dev.zvonok.server.board.QueueSource;
import dev.zvonok.server.board.StatisticsCounters;
import dev.zvonok.model.board.BoardQueue;
import dev.zvonok.server.config.ServerConfig;
import dev.zvonok.server.queues.ami.AmiQueuePauser;
import dev.zvonok.server.queues.ami.AmiQueueTracking;
import dev.zvonok.server.queues.MemberInterfaces;
import dev.zvonok.server.queues.QueueDirectory;
import dev.zvonok.server.queues.QueueTracker;
import dev.zvonok.server.queues.ami.WorkStatusQueuePauser;
import dev.zvonok.server.stats.BusinessDays;
import dev.zvonok.server.stats.InboundStatistics;
import dev.zvonok.server.stats.StatsRoutes;
import dev.zvonok.server.stats.StatsSettings;
import dev.zvonok.server.stats.TodaysFigures;
import dev.zvonok.server.callbacks.CallbackAssignmentRoutes;
import dev.zvonok.server.callbacks.CallbackAssignments;
import dev.zvonok.server.callbacks.ReachedCallbacks;
import dev.zvonok.server.calls.CallCards;
import dev.zvonok.server.calls.CallRecorder;
import dev.zvonok.server.calls.CallRepository;
import dev.zvonok.server.config.HttpSettings;
import dev.zvonok.server.db.Database;
import dev.zvonok.server.db.DatabaseSettings;
import dev.zvonok.server.dialfailures.DialFailureStore;
import dev.zvonok.server.directory.CompanyRepository;
import dev.zvonok.server.directory.DealerRepository;
import dev.zvonok.server.directory.DirectoryBatch;
import dev.zvonok.server.directory.Directory;
import dev.zvonok.server.directory.DirectoryChangeListener;
import dev.zvonok.server.directory.DirectoryChangeNotifications;
import dev.zvonok.server.directory.DirectoryLookups;
import dev.zvonok.server.directory.LineRepository;
import dev.zvonok.server.directory.Passwords;
import dev.zvonok.server.directory.TeamRepository;
import dev.zvonok.server.directory.UserRepository;
import dev.zvonok.server.history.CallHistoryRoutes;
import dev.zvonok.server.stats.BusinessDays;
import dev.zvonok.server.stats.CallbackStatistics;
import dev.zvonok.server.stats.DirectionStatistics;
import dev.zvonok.server.stats.FigureCalls;
import dev.zvonok.server.stats.HourlyAggregates;
import dev.zvonok.server.stats.InboundStatistics;
import dev.zvonok.server.stats.OperatorStatistics;
import dev.zvonok.server.stats.StatsFilters;
import dev.zvonok.server.stats.StatsRoutes;
import dev.zvonok.server.stats.StatisticsRecompute;
import dev.zvonok.server.stats.StatsScopes;
import dev.zvonok.server.stats.StatsSettings;
import dev.zvonok.server.stats.WorkDays;
import dev.zvonok.server.tls.ServerIdentity;
import dev.zvonok.server.tracking.CallEventFanOut;
import dev.zvonok.server.tracking.CallLog;
import dev.zvonok.server.tracking.ExtensionPatternEndpoints;
import dev.zvonok.server.tracking.OperatorEndpoints;
import dev.zvonok.server.workstatus.BreakReasons;
import dev.zvonok.server.workstatus.WorkStatuses;
import dev.zvonok.server.ws.LiveUpdates;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running server-lite: the database, the directory, the call recorder, the HTTP/WebSocket server and the PBX
 * connection, built in order and closed in reverse. Both {@code serve} and {@code demo} are this, with different
 * settings: the composition root of the server.
 *
 * <p>The HTTP port opens last ({@link #listen()}), once the commands have done what makes the server able to serve
 * (seeded the demo's users, wired the PBX): whoever gets an answer from {@code /health} can log in. On close it is
 * the first to go, so that nobody is let in while the rest stops.
 */
final class CallServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallServer.class);

    /** A database that has not answered within this long counts as down. */
    private static final Duration DATABASE_PATIENCE = Duration.ofSeconds(1);
    /** The service level's threshold until the statistics side brings its configured one: answered within 20 s. */

    private final Deque<AutoCloseable> closeInReverse = new ArrayDeque<>();
    private final PhoneNumbers numbers;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Database database;
    private final Directory directory;
    private final UserRepository users;
    private final CompanyRepository companies;
    private final DealerRepository dealers;
    private final LineRepository lines;
    private final TeamRepository teams;
    private final CallRepository calls;
    private final CallRecorder recorder;
    private final LiveUpdates live;
    private final Board board;
    private final WorkStatuses workStatuses;
    private final StatisticsRecompute recompute;
    private final QueueTracker queues;
    private final Javalin http;
    private final HttpSettings httpSettings;
    private final Optional<ServerIdentity> tls;
    private boolean listening;
    private AmiCallTracking tracking;

    private CallServer(DatabaseSettings databaseSettings, PhoneNumbers numbers, HttpSettings httpSettings,
                       AuthSettings authSettings, ExtensionPatternEndpoints extensions, BreakReasons breakReasons,
                       StatsSettings statsSettings, MemberInterfaces queueMembers) {
        this.numbers = numbers;
        this.httpSettings = httpSettings;
        // read before anything starts: a bad certificate is a configuration error, not a half-started server
        tls = httpSettings.tls().map(ServerIdentity::load);
        tls.ifPresent(identity -> {
            String problem = identity.validityProblem(Clock.systemUTC().instant());
            if (!problem.isEmpty()) {
                log.warn("TLS: {}; clients will refuse to connect until it is replaced", problem);
            }
        });
        try {
            database = remember(Database.start(databaseSettings));
            directory = new Directory(new DirectoryLookups(database.dsl()), numbers);
            Passwords passwords = new Passwords();
            users = new UserRepository(database.dsl(), numbers, passwords, directory);
            companies = new CompanyRepository(database.dsl(), numbers, directory);
            dealers = new DealerRepository(database.dsl(), numbers, directory);
            lines = new LineRepository(database.dsl(), numbers, directory);
            teams = new TeamRepository(database.dsl(), directory);
            // the unfiltered list's total from the statistics' kept rows (no count of every call)
            calls = new CallRepository(database.dsl(), numbers,
                    new HourlyAggregates(database.dsl(), statsSettings)::everyCall);
            recorder = remember(new CallRecorder(database.dsl(), directory).start());
            AuditLog audit = new AuditLog(database.dsl(), Json.mapper());
            Authentication auth = Authentication.create(authSettings, database.dsl(), users, passwords,
                    httpSettings.clientAddresses(), Clock.systemUTC(), audit);
            // the statistics' hourly and daily rows, recomputed when their settings changed since they were kept (or
            // after an upgrade): in the background, as that takes minutes on years of calls and the PBX cannot wait;
            // the statistics answer 503 and the board's counters keep what they had until it is done
            HourlyAggregates hourly = new HourlyAggregates(database.dsl(), statsSettings);
            recompute = remember(new StatisticsRecompute(database.dsl(), hourly,
                    new WorkDays(database.dsl(), statsSettings), Clock.systemUTC()).start());
            InboundStatistics statistics = new InboundStatistics(database.dsl(), statsSettings, hourly);
            BusinessDays days = new BusinessDays(statsSettings);
            // the board's counters are the statistics' own figures, computed again as the recorder writes calls
            TodaysFigures today = new TodaysFigures(statistics, days, Clock.systemUTC(),
                    () -> recorder.stats().written(), Duration.ofSeconds(1), Duration.ofSeconds(30));
            StatisticsCounters counters = remember(new StatisticsCounters(today, () -> recorder.stats().written(),
                    recompute).start(Duration.ofMillis(250)));
            queues = new QueueTracker(InstantSource.system(), QueueDirectory.of(directory), queueMembers,
                    queue -> null); // the board fills in each queue's counters from the statistics
            board = remember(new Board(directory, boardQueues(queues), counters, Clock.systemUTC(), Board.WINDOW)
                    .start());
            workStatuses = new WorkStatuses(database.dsl(), breakReasons, Clock.systemUTC());
            workStatuses.listen((userId, status, pbxProblem, answering) -> board.workStatus(userId, status));
            // a pause made on the phone (a feature code) is a break in Zvonok too
            queues.onMemberPause(pause -> workStatuses.fromPbx(pause.userId(), pause.paused(), pause.reason()));
            live = remember(new LiveUpdates(auth.tokenVerifier(), directory, users,
                    new CallCards(database.dsl(), numbers), calls::numberHistory, Json.mapper(), metrics,
                    Clock.systemUTC(), board, workStatuses, audit, new DialFailureStore(database.dsl())));
            // every directory change, whoever made it: the index reloads, then disabled users' tokens and sockets end
            List<DirectoryChangeListener> told = List.of(directory, auth.directoryChanges(), live.directoryChanges(),
                    board.directoryChanges());
            remember(new DirectoryChangeNotifications(database.dataSource(),
                    () -> told.forEach(DirectoryChangeListener::directoryChanged)).start());
            ServerMeters.bindJvm(metrics);
            ServerMeters.bindRecorder(metrics, recorder);
            List<Routes> routes = new ArrayList<>(auth.routes());
            // the journal's days are the statistics' (from the day boundary), its countedIn their rules
            routes.add(new CallHistoryRoutes(calls, numbers, httpSettings.timeZone(), days::start,
                    new FigureCalls(new StatsFilters(database.dsl()), days, new StatsScopes(database.dsl())::of,
                            Clock.systemUTC())));
            routes.addAll(Administration.routes(users, dealers, companies, lines, teams, audit, numbers, extensions,
                    auth::endSessionsOf, httpSettings.clientAddresses(), Json.mapper(), httpSettings.timeZone()));
            DirectoryBatch batch = new DirectoryBatch(database.dsl(), passwords, directory);
            routes.add(new BulkRoutes(new DirectoryImport(batch, numbers, audit), new DirectoryExport(batch, numbers),
                    httpSettings.clientAddresses()));
            routes.add(live.routes());
            routes.add(new BoardRoutes(board));
            CallbackAssignments assignments = new CallbackAssignments(database.dsl());
            routes.add(new StatsRoutes(new StatsRoutes.Statistics(statistics,
                    new DirectionStatistics(database.dsl(), hourly),
                    new OperatorStatistics(database.dsl(), statsSettings, hourly),
                    new CallbackStatistics(database.dsl())), new StatsFilters(database.dsl()), days,
                    new StatsScopes(database.dsl())::of, Json.mapper(), Clock.systemUTC(),
                    assignments::withAssignees, recompute));
            routes.add(new CallbackAssignmentRoutes(assignments, database.dsl(), new StatsScopes(database.dsl())::of,
                    audit, live::sendToUser, httpSettings.clientAddresses(), Json.mapper(), Clock.systemUTC()));
            // a number reached leaves its operator's list at once: the server tells them
            remember(new ReachedCallbacks(assignments, () -> recorder.stats().written(), live::sendToUser)
                    .start(Duration.ofSeconds(1)));
            // checked on its own schedule: /health and the admin check never wait for the pool
            BackgroundCheck databaseUp = remember(new BackgroundCheck("database",
                    () -> database.isReachable(DATABASE_PATIENCE), Duration.ofSeconds(2), DATABASE_PATIENCE).start());
            AdminCheck admins = auth.adminCheck(databaseUp);
            routes.add(new HealthRoutes(databaseUp, this::pbxHealth, live::connectedClients, admins,
                    recompute::recomputingSince));
            routes.add(new MetricsRoutes(metrics, httpSettings.clientAddresses(), httpSettings.metricsFrom(), admins));
            http = HttpServer.create(Json.mapper(), routes, tls);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts the database (migrated), the directory, the call recorder and the HTTP/WebSocket server; no PBX yet. */
    static CallServer open(DatabaseSettings database, PhoneNumbers numbers, HttpSettings http, AuthSettings auth) {
        return open(database, numbers, http, auth, ExtensionPatternEndpoints.standard());
    }

    /** As {@link #open(DatabaseSettings, PhoneNumbers, HttpSettings, AuthSettings)}, but not listening yet. */
    static CallServer prepare(DatabaseSettings database, PhoneNumbers numbers, HttpSettings http, AuthSettings auth) {
        return new CallServer(database, numbers, http, auth, ExtensionPatternEndpoints.standard(),
                BreakReasons.DEFAULT, StatsSettings.standard(http.timeZone()), MemberInterfaces.defaults());
    }

    /** @param extensions what the PBX's extensions look like: the administration accepts no other as one */
    static CallServer open(DatabaseSettings database, PhoneNumbers numbers, HttpSettings http, AuthSettings auth,
                           ExtensionPatternEndpoints extensions) {
        return open(database, numbers, http, auth, extensions, BreakReasons.DEFAULT);
    }

    /** @param breakReasons the reason codes an operator's break may have */
    static CallServer open(DatabaseSettings database, PhoneNumbers numbers, HttpSettings http, AuthSettings auth,
                           ExtensionPatternEndpoints extensions, BreakReasons breakReasons) {
        return new CallServer(database, numbers, http, auth, extensions, breakReasons,
                StatsSettings.standard(http.timeZone()), MemberInterfaces.defaults()).listen();
    }

    /** As {@code settings} say, on {@code database} and {@code http} (which the demo chooses itself), listening. */
    static CallServer open(DatabaseSettings database, ServerConfig settings, HttpSettings http) {
        return prepare(database, settings, http).listen();
    }

    /**
     * As {@code settings} say, but not listening yet: the commands seed, wire the PBX and then {@link #listen()}. On
     * failure nothing is left running.
     */
    static CallServer prepare(DatabaseSettings database, ServerConfig settings, HttpSettings http) {
        return new CallServer(database, settings.phoneNumbers(), http, settings.auth(), settings.operatorEndpoints(),
                settings.breakReasons(), settings.stats(), settings.queueMemberInterfaces());
    }

    /**
     * Opens the HTTP port: the REST API, the WebSocket, /health and /metrics answer from now on. Call it once the
     * server can serve what they offer.
     */
    CallServer listen() {
        if (listening) {
            throw new IllegalStateException("already listening on port " + http.port());
        }
        try {
            http.start(httpSettings.host(), httpSettings.port());
        } catch (RuntimeException e) {
            stopHttpQuietly(); // whatever of Jetty did start (the port was taken, say)
            close();
            throw e;
        }
        listening = true;
        log.info("{} and {} on {}:{} (REST /api, WebSocket /ws, /health, /metrics){}",
                tls.isPresent() ? "HTTPS" : "HTTP", tls.isPresent() ? "WSS" : "WebSocket", httpSettings.host(),
                http.port(), tls.map(identity -> "; certificate " + identity.describe()).orElse(""));
        return this;
    }

    /** The queues the PBX reports, as the board asks for them. */
    private static QueueSource boardQueues(QueueTracker tracker) {
        return new QueueSource() {
            @Override
            public List<BoardQueue> queues() {
                return tracker.queues();
            }

            @Override
            public void onChange(Runnable listener) {
                tracker.onChange(changed -> listener.run());
            }
        };
    }

    /** Logs in to the PBX and follows its calls into the log, the database and the operators' apps. */
    CallServer followPbx(AmiSettings ami, OperatorEndpoints endpoints, ClickToCall.Settings clickToCall) {
        if (tracking != null) {
            throw new IllegalStateException("already following " + tracking.connection().address());
        }
        tracking = new AmiCallTracking(ami, numbers, new DirectoryOperatorEndpoints(endpoints, directory),
                EventClock.pbxOrReceived(), CallEventFanOut.of(new CallLog(), recorder, live.calls(), board.calls()));
        // the queues listen on the same connection, from its first login on: registered before it starts
        remember(new AmiQueueTracking(tracking.connection(), queues, EventClock.pbxOrReceived()).start());
        remember(tracking.start());
        workStatuses.pauseQueuesThrough(new WorkStatusQueuePauser(new AmiQueuePauser(tracking.connection(), queues)));
        live.placeCallsThrough(new ClickToCall(tracking.connection(), numbers, clickToCall));
        live.spyThrough(new ChanSpy(tracking.connection(), clickToCall));
        ServerMeters.bindTracking(metrics, tracking);
        log.info("server-lite is following the PBX at {} (database: {})", ami.address(), database.jdbcUrl());
        return this;
    }

    private HealthDetails.Pbx pbxHealth() {
        if (tracking == null) {
            return new HealthDetails.Pbx("not-configured", null, null, null, null, List.of());
        }
        AmiConnection connection = tracking.connection();
        return new HealthDetails.Pbx(connection.state().name().toLowerCase(java.util.Locale.ROOT), connection.address(),
                connection.stateSince(), connection.lastError(), connection.pbxVersion().asterisk(),
                connection.missingPermissions());
    }

    int httpPort() {
        if (!listening) {
            throw new IllegalStateException("not listening yet: listen() first");
        }
        return http.port();
    }

    UserRepository users() {
        return users;
    }

    CompanyRepository companies() {
        return companies;
    }

    DealerRepository dealers() {
        return dealers;
    }

    LineRepository lines() {
        return lines;
    }

    TeamRepository teams() {
        return teams;
    }

    CallRepository calls() {
        return calls;
    }

    Directory directory() {
        return directory;
    }

    AmiCallTracking tracking() {
        return tracking;
    }

    CallRecorder recorder() {
        return recorder;
    }

    Board board() {
        return board;
    }

    WorkStatuses workStatuses() {
        return workStatuses;
    }

    /** The statistics' recompute for the configured settings: done at once unless they changed. */
    StatisticsRecompute statisticsRecompute() {
        return recompute;
    }

    private <T extends AutoCloseable> T remember(T resource) {
        closeInReverse.push(resource);
        return resource;
    }

    private void stopHttpQuietly() {
        try {
            http.stop();
        } catch (RuntimeException e) {
            log.warn("Stopping the HTTP server failed: {}", e.toString());
        }
    }

    /**
     * Stops accepting requests and closes the WebSockets first (the HTTP server), then the PBX connection (a polite
     * logoff while the PBX is still there), lets the recorder write what it holds, then the rest, the database last.
     */
    @Override
    public void close() {
        if (listening) {
            listening = false;
            stopHttpQuietly();
        }
        while (!closeInReverse.isEmpty()) {
            AutoCloseable resource = closeInReverse.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Closing {} failed", resource.getClass().getSimpleName(), e);
            }
        }
    }
}
