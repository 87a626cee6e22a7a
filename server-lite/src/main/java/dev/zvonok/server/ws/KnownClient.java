package dev.zvonok.server.ws;

import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.directory.CallerView;

/**
 * What the client fields of a new card start from, decided here once for every client: what an operator last noted
 * about the client behind the number, else the dealer or company the directory puts behind it. A colleague or an
 * unknown number starts empty.
 */
final class KnownClient {

    private KnownClient() {
    }

    /** Null when nothing is known. */
    static ClientInfo of(ClientInfo lastClient, CallerView party) {
        String company = directoryCompany(party);
        if (lastClient != null && !lastClient.isEmpty()) {
            // the operator's words win; the directory only fills a company nobody wrote down
            return blank(lastClient.company()) && company != null
                    ? new ClientInfo(lastClient.name(), company, lastClient.address(), lastClient.comment())
                    : lastClient;
        }
        return company == null ? null : new ClientInfo(null, company, null, null);
    }

    /** The dealer (the point of sale the operator speaks with) or the company the number belongs to. */
    private static String directoryCompany(CallerView party) {
        if (party == null || blank(party.name())) {
            return null;
        }
        return switch (party.kind()) {
            case DEALER, COMPANY -> party.name();
            case USER, UNKNOWN -> null;
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
