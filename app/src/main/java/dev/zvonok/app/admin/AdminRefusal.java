package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminError;
import java.util.Objects;

/**
 * The server refused an administration request (4xx): what it said, with the field at fault and, for a number or a
 * login somebody has already, who has it.
 */
public final class AdminRefusal extends Exception {

    private final int status;
    private final AdminError error;

    public AdminRefusal(int status, AdminError error) {
        super(status + " " + error.code() + ": " + error.message());
        this.status = status;
        this.error = Objects.requireNonNull(error, "error");
    }

    public int status() {
        return status;
    }

    public AdminError error() {
        return error;
    }

    /** 403: the logged-in user is no admin (any more). */
    public boolean forbidden() {
        return status == 403;
    }
}
