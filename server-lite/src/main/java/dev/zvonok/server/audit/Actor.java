package dev.zvonok.server.audit;

/**
 * Who did something, and from where.
 *
 * @param userId  null when nobody logged in (a failed login of an unknown login)
 * @param address the client's IP address, as {@link dev.zvonok.server.api.ClientAddresses} tells it
 */
public record Actor(Long userId, String login, String address) {
}
