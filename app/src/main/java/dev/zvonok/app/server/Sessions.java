package dev.zvonok.app.server;

import dev.zvonok.app.server.SessionListener.SessionEnd;
import dev.zvonok.model.api.CallDetails;
import dev.zvonok.model.api.CallPage;
import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.model.phone.PhoneRules;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's login session: logs in, resumes from the stored refresh token after a restart, keeps the access
 * token fresh (in the background before it expires, and at once when the server refuses it), and logs out.
 *
 * <p>Every method that talks to the server <b>blocks</b>: call it off the FX thread. Refreshes are strictly one at a
 * time: the server's refresh tokens are single-use, and presenting a used one ends the whole session, so two
 * concurrent refreshes with one token would log the operator out. A lock serializes them, and a caller that waited
 * for someone else's refresh gets its result instead of refreshing again.
 */
public final class Sessions implements AccessTokenSource, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    /** A REST call made with an access token; see {@link #call}. */
    @FunctionalInterface
    public interface AuthorizedCall<T> {
        T run(ServerApi api, String accessToken) throws ServerException, InterruptedException;
    }

    private final SessionStore store;
    private final Function<ServerAddress, ServerApi> apis;
    private final RefreshPolicy policy;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("session-refresh").daemon().factory());

    /** The session a renewal of {@code rejected} produced: a second caller with the same rejected token gets it. */
    private record Renewal(String rejected, Session result) {
    }

    /** Written under the lock; volatile so that {@link #current()} needs none. */
    private volatile Session current;
    private ServerApi api;
    private ScheduledFuture<?> nextRefresh;
    private Renewal renewal;

    /**
     * @param apis the REST API of a server (a new {@link ServerApi} for the address, sharing one HTTP client)
     */
    public Sessions(SessionStore store, Function<ServerAddress, ServerApi> apis, RefreshPolicy policy, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.apis = Objects.requireNonNull(apis, "apis");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void addListener(SessionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    /** The session, if logged in. */
    public Optional<Session> current() {
        return Optional.ofNullable(current);
    }

    /**
     * How the server reads phone numbers: as it said at the last login or refresh, or, while the app opened offline
     * has not resumed yet, as the stored session remembers; {@link PhoneRules#RUSSIA} when nobody said.
     */
    public PhoneRules phoneRules() {
        Session session = current;
        if (session != null) {
            return session.phones();
        }
        return store.load().map(SessionStore.Stored::phones).orElse(PhoneRules.RUSSIA);
    }

    /** The server and login of the last session, for the login form; kept after a logout. */
    public Optional<SessionStore.Stored> remembered() {
        return store.load().map(SessionStore.Stored::withoutRefreshToken);
    }

    /**
     * Logs in and remembers the session on disk. A session already open is replaced (log out first to end it on the
     * server too).
     *
     * @throws ServerException.WrongCredentials  wrong login or password
     * @throws ServerException.AccountDisabled   the account may not log in
     * @throws ServerException.TooManyAttempts   too many failed logins; see its {@code retryAfter()}
     * @throws ServerException.Unreachable       the server cannot be reached
     * @throws ServerException.ServerError       the server failed
     */
    public Session login(ServerAddress server, String login, String password)
            throws ServerException, InterruptedException {
        ServerApi serverApi = apis.apply(server);
        Session started;
        lock.lock();
        try {
            TokenResponse tokens = serverApi.login(login, password);
            started = install(serverApi, tokens);
        } finally {
            lock.unlock();
        }
        notify(listener -> listener.sessionStarted(started));
        return started;
    }

    /**
     * Continues the session stored by an earlier run, if any: trades the stored refresh token for new tokens.
     *
     * @return empty when nothing is stored (or the operator logged out): show the login form
     * @throws ServerException.SessionExpired  the stored session is over (it is forgotten): log in again
     * @throws ServerException.AccountDisabled the account was disabled (the session is forgotten)
     * @throws ServerException.Unreachable     the server cannot be reached now; the stored session is kept: a later
     *                                         {@code resume()} may succeed, and so does the first
     *                                         {@link #accessToken()} once the server is back (so the app may start
     *                                         its live connection anyway and show it reconnecting)
     */
    public Optional<Session> resume() throws ServerException, InterruptedException {
        Optional<Session> resumed;
        lock.lock();
        try {
            if (current != null) {
                return Optional.of(current);
            }
            resumed = resumeLocked();
        } finally {
            lock.unlock();
        }
        resumed.ifPresent(this::announceStart);
        return resumed;
    }

    /**
     * {@inheritDoc}
     *
     * <p>When the app started while the server was away ({@link #resume()} failed as unreachable), this resumes the
     * stored session first.
     */
    @Override
    public String accessToken() throws ServerException, InterruptedException {
        Session resumed = null;
        Session refreshed = null;
        String token;
        lock.lock();
        try {
            if (current == null) {
                resumed = resumeOrFail();
            }
            if (current.expiresWithin(policy.minimumValidity(), clock.instant())) {
                refreshed = refreshLocked();
            }
            token = current.accessToken();
        } finally {
            lock.unlock();
        }
        announceStart(resumed);
        announceRefresh(refreshed);
        return token;
    }

    @Override
    public String renewAccessToken(String rejected) throws ServerException, InterruptedException {
        Session resumed = null;
        Session refreshed = null;
        String token;
        lock.lock();
        try {
            if (current == null) {
                resumed = resumeOrFail(); // its token is new anyway
            } else if (current.accessToken().equals(rejected) && current != renewedFor(rejected)) {
                // a token issued within the same second is the very same string: the session tells them apart
                refreshed = refreshLocked();
                renewal = new Renewal(rejected, current);
            }
            token = current.accessToken();
        } finally {
            lock.unlock();
        }
        announceStart(resumed);
        announceRefresh(refreshed);
        return token;
    }

    /**
     * Runs a REST call with a valid access token; when the server refuses the token anyway, refreshes once and runs
     * it again. E.g. {@code sessions.call((api, token) -> api.calls(token, query))}.
     */
    public <T> T call(AuthorizedCall<T> call) throws ServerException, InterruptedException {
        String token = accessToken();
        try {
            return call.run(currentApi(), token);
        } catch (ServerException.AccessTokenRejected e) {
            log.info("The server refused the access token ({}); refreshing and trying again", e.getMessage());
            return call.run(currentApi(), renewAccessToken(token));
        }
    }

    /** {@code GET /api/calls} with this session. */
    public CallPage calls(CallQuery query) throws ServerException, InterruptedException {
        return call((serverApi, token) -> serverApi.calls(token, query));
    }

    /** {@code GET /api/calls/{id}} with this session. */
    public CallDetails callDetails(String callId) throws ServerException, InterruptedException {
        return call((serverApi, token) -> serverApi.call(token, callId));
    }

    /** {@code GET /api/me} with this session. */
    public UserView me() throws ServerException, InterruptedException {
        return call(ServerApi::me);
    }

    /**
     * Ends the session on the server (best effort: when the server cannot be reached the session still ends here, and
     * on the server when its refresh token expires) and forgets it on disk. Never fails.
     */
    public void logout() throws InterruptedException {
        lock.lock();
        try {
            Session session = current;
            current = null;
            cancelRefresh();
            if (session != null) {
                endOnServer(api, session.refreshToken(), session.user().login());
            } else {
                // never resumed (the server was away at start): the stored session is still to be ended
                Optional<SessionStore.Stored> stored = store.load().filter(s -> s.refreshToken() != null);
                if (stored.isPresent()) {
                    try {
                        endOnServer(apis.apply(new ServerAddress(stored.get().server())),
                                stored.get().refreshToken(), stored.get().login());
                    } catch (IllegalArgumentException unusableAddress) {
                        log.warn("The stored server address is not usable: {}", unusableAddress.getMessage());
                    }
                }
            }
            forgetStoredToken();
        } finally {
            lock.unlock();
        }
        notify(listener -> listener.sessionEnded(SessionEnd.LOGGED_OUT));
    }

    private static void endOnServer(ServerApi serverApi, String refreshToken, String login)
            throws InterruptedException {
        try {
            serverApi.logout(refreshToken);
            log.info("{} logged out", login);
        } catch (ServerException e) {
            log.warn("The server did not hear the logout of {} ({}); its session ends when the refresh token expires",
                    login, e.getMessage());
        }
    }

    /** Stops the background refreshes; the session stays stored (this is the app quitting, not a logout). */
    @Override
    public void close() {
        refresher.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------- under the lock

    /** The stored session, continued; empty when none is stored. */
    private Optional<Session> resumeLocked() throws ServerException, InterruptedException {
        Optional<SessionStore.Stored> stored = store.load().filter(s -> s.refreshToken() != null);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        ServerAddress server;
        try {
            server = new ServerAddress(stored.get().server());
        } catch (IllegalArgumentException e) {
            log.warn("The stored server address is not usable ({}); forgetting the session", e.getMessage());
            forgetStoredToken();
            return Optional.empty();
        }
        ServerApi serverApi = apis.apply(server);
        TokenResponse tokens;
        try {
            tokens = serverApi.refresh(stored.get().refreshToken());
        } catch (ServerException.SessionExpired | ServerException.AccountDisabled e) {
            log.info("The stored session of {} is over: {}", stored.get().login(), e.getMessage());
            forgetStoredToken();
            throw e;
        }
        Session resumed = install(serverApi, tokens);
        log.info("Resumed the session of {} at {}", resumed.user().login(), server);
        return Optional.of(resumed);
    }

    /**
     * The stored session, continued when a token is needed before anyone resumed it: the app opened while the server
     * was away. A refusal now ends the session as a refused refresh would, and is told the same way.
     */
    private Session resumeOrFail() throws ServerException, InterruptedException {
        try {
            return resumeLocked().orElseThrow(() -> new ServerException.SessionExpired("not logged in"));
        } catch (ServerException.SessionExpired e) {
            tellEndedLater(SessionEnd.EXPIRED);
            throw e;
        } catch (ServerException.AccountDisabled e) {
            tellEndedLater(SessionEnd.ACCOUNT_DISABLED);
            throw e;
        }
    }

    private Session requireSession() throws ServerException.SessionExpired {
        Session session = current;
        if (session == null) {
            throw new ServerException.SessionExpired("not logged in");
        }
        return session;
    }

    private Session renewedFor(String rejected) {
        return renewal != null && renewal.rejected().equals(rejected) ? renewal.result() : null;
    }

    private ServerApi currentApi() throws ServerException.SessionExpired {
        lock.lock();
        try {
            requireSession();
            return api;
        } finally {
            lock.unlock();
        }
    }

    /** Trades the refresh token for new tokens; ends the session when the server refuses it. */
    private Session refreshLocked() throws ServerException, InterruptedException {
        Session session = requireSession();
        TokenResponse tokens;
        try {
            tokens = api.refresh(session.refreshToken());
        } catch (ServerException.SessionExpired e) {
            endLocked(SessionEnd.EXPIRED, e);
            throw e;
        } catch (ServerException.AccountDisabled e) {
            endLocked(SessionEnd.ACCOUNT_DISABLED, e);
            throw e;
        }
        return install(api, tokens);
    }

    /** Makes {@code tokens} the session: in memory, on disk, and with its next background refresh planned. */
    private Session install(ServerApi serverApi, TokenResponse tokens) {
        Session session = Session.of(serverApi.address(), tokens, clock.instant());
        api = serverApi;
        current = session;
        try {
            store.save(new SessionStore.Stored(session.server().base(), session.user().login(),
                    session.refreshToken(), session.user(), session.phones()));
        } catch (IOException e) {
            // the session works; it just will not survive a restart
            log.warn("Cannot store the session in {}: {}", store.file(), e.toString());
        }
        scheduleRefresh(session);
        return session;
    }

    private void endLocked(SessionEnd end, ServerException why) {
        log.info("The session of {} ended ({}): {}", current == null ? "nobody" : current.user().login(), end,
                why.getMessage());
        current = null;
        cancelRefresh();
        forgetStoredToken();
        tellEndedLater(end);
    }

    /** Told from the refresh thread, after the lock is released: listeners may call back in. */
    private void tellEndedLater(SessionEnd end) {
        if (!refresher.isShutdown()) {
            refresher.execute(() -> notify(listener -> listener.sessionEnded(end)));
        }
    }

    private void forgetStoredToken() {
        try {
            store.forgetRefreshToken();
        } catch (IOException e) {
            log.warn("Cannot forget the stored session in {}: {}", store.file(), e.toString());
        }
    }

    private void scheduleRefresh(Session session) {
        Instant at = session.accessTokenExpiresAt().minus(policy.ahead());
        Duration delay = Duration.between(clock.instant(), at);
        scheduleRefresh(session, delay.compareTo(policy.minimumDelay()) < 0 ? policy.minimumDelay() : delay);
    }

    private void scheduleRefresh(Session session, Duration delay) {
        cancelRefresh();
        if (refresher.isShutdown()) {
            return;
        }
        nextRefresh = refresher.schedule(() -> refreshInBackground(session), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelRefresh() {
        if (nextRefresh != null) {
            nextRefresh.cancel(false);
            nextRefresh = null;
        }
    }

    /** On the refresh thread: the access token of {@code session} expires soon. */
    private void refreshInBackground(Session session) {
        Session refreshed = null;
        lock.lock();
        try {
            if (current != session) {
                return; // refreshed or ended in the meantime
            }
            refreshed = refreshLocked();
        } catch (ServerException.SessionExpired | ServerException.AccountDisabled e) {
            // ended, and told
        } catch (ServerException e) {
            log.warn("Refreshing the access token failed ({}); trying again in {}", e.getMessage(),
                    policy.retryDelay());
            scheduleRefresh(session, policy.retryDelay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        announceRefresh(refreshed);
    }

    private void announceStart(Session started) {
        if (started != null) {
            notify(listener -> listener.sessionStarted(started));
        }
    }

    private void announceRefresh(Session refreshed) {
        if (refreshed != null) {
            log.debug("Access token refreshed: {}", refreshed);
            notify(listener -> listener.sessionRefreshed(refreshed));
        }
    }

    private void notify(Consumer<SessionListener> event) {
        for (SessionListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                log.error("A session listener failed", e);
            }
        }
    }
}
