package dev.zvonok.server.admin;

import dev.zvonok.model.admin.AdminError;
import io.javalin.http.HttpStatus;

/**
 * A request the administration refuses, said as an {@link AdminError}: which field, and for a conflict whose the
 * thing is. The message starts with the field's name, as the API's other 400s do.
 */
final class AdminProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String field;
    private final AdminError.Owner owner;

    private AdminProblem(HttpStatus status, String code, String field, String message, AdminError.Owner owner) {
        super(field == null ? message : field + ": " + message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.owner = owner;
    }

    static AdminProblem invalid(String field, String message) {
        return new AdminProblem(HttpStatus.BAD_REQUEST, "invalid-field", field, message, null);
    }

    /** A number, login or name that already belongs to somebody else. */
    static AdminProblem taken(String field, String message, AdminError.Owner owner) {
        return new AdminProblem(HttpStatus.CONFLICT, "taken", field, message, owner);
    }

    /** The admin's own account: not to be locked out by a slip of the mouse. */
    static AdminProblem notYourself(String field, String message) {
        return new AdminProblem(HttpStatus.CONFLICT, "own-account", field, message, null);
    }

    HttpStatus status() {
        return status;
    }

    AdminError body() {
        return new AdminError(code, getMessage(), field, owner);
    }
}
