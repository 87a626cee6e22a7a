package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminCompany;
import dev.zvonok.model.admin.AdminDealer;
import dev.zvonok.model.admin.AdminLine;
import dev.zvonok.model.admin.AdminTeam;
import dev.zvonok.model.admin.CompanyRequest;
import dev.zvonok.model.admin.DealerRequest;
import dev.zvonok.model.admin.LineRequest;
import dev.zvonok.model.admin.TeamRequest;

/**
 * A list whose rows the admin creates, edits and deletes through the same routes: {@code POST path},
 * {@code PUT path/{id}}, {@code DELETE path/{id}}.
 *
 * @param <T> a row as the server shows it
 * @param <R> what a create or an update sends
 */
public record Editable<T, R>(Listing<T> listing, Class<T> type) {

    public static final Editable<AdminDealer, DealerRequest> DEALERS = new Editable<>(Listing.DEALERS,
            AdminDealer.class);
    public static final Editable<AdminCompany, CompanyRequest> COMPANIES = new Editable<>(Listing.COMPANIES,
            AdminCompany.class);
    public static final Editable<AdminLine, LineRequest> LINES = new Editable<>(Listing.LINES, AdminLine.class);
    public static final Editable<AdminTeam, TeamRequest> TEAMS = new Editable<>(Listing.TEAMS, AdminTeam.class);

    public String path() {
        return listing.path();
    }
}
