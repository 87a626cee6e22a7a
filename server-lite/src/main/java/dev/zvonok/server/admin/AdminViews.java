package dev.zvonok.server.admin;

import dev.zvonok.model.admin.AdminCompany;
import dev.zvonok.model.admin.AdminDealer;
import dev.zvonok.model.admin.AdminLine;
import dev.zvonok.model.admin.AdminPhone;
import dev.zvonok.model.admin.AdminTeam;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.server.directory.Company;
import dev.zvonok.server.directory.Dealer;
import dev.zvonok.server.directory.Line;
import dev.zvonok.server.directory.PhoneEntry;
import dev.zvonok.server.directory.Team;
import dev.zvonok.server.directory.User;
import dev.zvonok.server.directory.UserPhone;
import java.util.List;

/** The directory's records as the administration's wire types. */
final class AdminViews {

    private AdminViews() {
    }

    static AdminUser user(User user) {
        return new AdminUser(user.id(), user.login(), user.displayName(), user.role(), user.city(), user.active(),
                user.teams(), user.phones().stream().map(AdminViews::phone).toList());
    }

    static AdminDealer dealer(Dealer dealer) {
        return new AdminDealer(dealer.id(), dealer.name(), dealer.companyId(), dealer.companyName(), dealer.city(),
                dealer.comment(), phones(dealer.phones()));
    }

    static AdminCompany company(Company company) {
        return new AdminCompany(company.id(), company.name(), company.inn(), company.city(), company.comment(),
                phones(company.phones()));
    }

    static AdminLine line(Line line) {
        return new AdminLine(line.id(), line.kind().dbName(), line.number(), line.normalized(), line.name(),
                line.source(), line.city(), line.comment());
    }

    static AdminTeam team(Team team) {
        return new AdminTeam(team.id(), team.name(), team.comment(), team.members().stream()
                .map(m -> new AdminTeam.Member(m.id(), m.login(), m.displayName(), m.role(), m.active()))
                .toList());
    }

    private static AdminPhone phone(UserPhone phone) {
        return new AdminPhone(phone.number(), phone.normalized(), phone.type().dbName(), null);
    }

    private static List<AdminPhone> phones(List<PhoneEntry> entries) {
        return entries.stream().map(p -> new AdminPhone(p.number(), p.normalized(), null, p.comment())).toList();
    }
}
