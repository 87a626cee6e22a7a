package dev.zvonok.app.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.zvonok.model.admin.AdminCompany;
import dev.zvonok.model.admin.AdminDealer;
import dev.zvonok.model.admin.AdminLine;
import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminTeam;
import dev.zvonok.model.admin.AuditEntry;

/**
 * A read-only administration list: its route, what the route calls its search parameter, and the type of its rows.
 *
 * @param queryParameter {@code query}, or {@code user} for the audit log (whose login)
 */
public record Listing<T>(String name, String path, String queryParameter, TypeReference<AdminPage<T>> pageType) {

    public static final Listing<AdminDealer> DEALERS = new Listing<>("dealers", "/api/admin/dealers", "query",
            new TypeReference<>() { });
    public static final Listing<AdminCompany> COMPANIES = new Listing<>("companies", "/api/admin/companies", "query",
            new TypeReference<>() { });
    public static final Listing<AdminLine> LINES = new Listing<>("lines", "/api/admin/lines", "query",
            new TypeReference<>() { });
    public static final Listing<AdminTeam> TEAMS = new Listing<>("teams", "/api/admin/teams", "query",
            new TypeReference<>() { });
    public static final Listing<AuditEntry> AUDIT = new Listing<>("audit", "/api/admin/audit", "user",
            new TypeReference<>() { });
}
