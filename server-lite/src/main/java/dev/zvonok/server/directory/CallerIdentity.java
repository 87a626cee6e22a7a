package dev.zvonok.server.directory;

import dev.zvonok.model.directory.CallerKind;
import java.util.Objects;

/**
 * Who is behind a number, as far as the directory knows.
 *
 * @param number      the number asked about, normalized; null when withheld
 * @param name        the colleague's, dealer's or company's name; null when unknown
 * @param companyName the company the dealer belongs to, or the company itself; null for colleagues and unknowns
 * @param userId      set for {@link CallerKind#USER}
 * @param dealerId    set for {@link CallerKind#DEALER}
 * @param companyId   the dealer's company or the company itself
 */
public record CallerIdentity(CallerKind kind, String number, String name, String companyName, Long userId,
                             Long dealerId, Long companyId) {

    public CallerIdentity {
        Objects.requireNonNull(kind, "kind");
    }

    public static CallerIdentity unknown(String number) {
        return new CallerIdentity(CallerKind.UNKNOWN, number, null, null, null, null, null);
    }

    static CallerIdentity user(String number, long userId, String displayName) {
        return new CallerIdentity(CallerKind.USER, number, displayName, null, userId, null, null);
    }

    static CallerIdentity dealer(String number, long dealerId, String dealerName, Long companyId, String companyName) {
        return new CallerIdentity(CallerKind.DEALER, number, dealerName, companyName, null, dealerId, companyId);
    }

    static CallerIdentity company(String number, long companyId, String companyName) {
        return new CallerIdentity(CallerKind.COMPANY, number, companyName, companyName, null, null, companyId);
    }

    public boolean known() {
        return kind != CallerKind.UNKNOWN;
    }
}
