package dev.zvonok.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.api.ApiError;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.api.ClientAddresses;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.directory.CompanyRepository;
import dev.zvonok.server.directory.DealerRepository;
import dev.zvonok.server.directory.DirectoryConflictException;
import dev.zvonok.server.directory.LineRepository;
import dev.zvonok.server.directory.TeamRepository;
import dev.zvonok.server.directory.UserRepository;
import dev.zvonok.server.tracking.ExtensionPatternEndpoints;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.List;
import java.util.function.LongConsumer;

/** The administration's routes, assembled from the directory's repositories, the audit log and the auth's parts. */
public final class Administration {

    private Administration() {
    }

    /**
     * @param extensions  what the PBX's extensions look like ({@code zvonok.phones.extension-pattern})
     * @param endSessions ends every login session of a user (deactivated, or given a new password)
     * @param zone        the call centre's zone, whose days the audit's {@code from} and {@code to} name
     */
    public static List<Routes> routes(UserRepository users, DealerRepository dealers, CompanyRepository companies,
                                      LineRepository lines, TeamRepository teams, AuditLog audit,
                                      PhoneNumbers numbers, ExtensionPatternEndpoints extensions,
                                      LongConsumer endSessions, ClientAddresses addresses, ObjectMapper json,
                                      ZoneId zone) {
        Requests requests = new Requests(json, addresses);
        PhoneInputs phones = new PhoneInputs(numbers, extensions::isExtension, extensions.extensionPattern());
        return List.of(
                Administration::failures,
                new UserAdminRoutes(users, teams, phones, audit, endSessions, requests),
                new DealerAdminRoutes(dealers, companies, phones, audit, requests),
                new CompanyAdminRoutes(companies, phones, audit, requests),
                new LineAdminRoutes(lines, phones, audit, requests),
                new TeamAdminRoutes(teams, users, audit, requests),
                new AuditRoutes(audit, zone));
    }

    private static void failures(RoutesConfig routes) {
        routes.exception(AdminProblem.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
        // a conflict the checks before the write could not see (two admins at once): still a 409, not a 500
        routes.exception(DirectoryConflictException.class, (e, ctx) -> ctx.status(HttpStatus.CONFLICT)
                .json(new ApiError("conflict", e.getMessage())));
    }
}
