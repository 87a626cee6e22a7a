package dev.zvonok.app.server;

/**
 * Access tokens for whoever talks to the server (the live connection, REST calls). Blocking: a refresh may be a
 * round trip to the server. {@link Sessions} is the app's one implementation.
 */
public interface AccessTokenSource {

    /**
     * A token that stays valid a while yet, refreshed first when it is about to expire.
     *
     * @throws ServerException.SessionExpired when there is no session, or the server refused to refresh it
     * @throws ServerException.AccountDisabled when the account was disabled
     * @throws ServerException.Unreachable or {@link ServerException.ServerError} when a refresh was needed and failed
     */
    String accessToken() throws ServerException, InterruptedException;

    /**
     * The server refused {@code rejected} although it looked valid here (it expired early, or the server's key
     * changed): a token from a refresh. When another refresh already replaced {@code rejected}, that newer token is
     * returned without another round trip.
     */
    String renewAccessToken(String rejected) throws ServerException, InterruptedException;
}
