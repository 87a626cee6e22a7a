package dev.zvonok.server.directory;

import dev.zvonok.model.admin.AdminRules;

/** {@link AdminRules#passwordProblem} where a bad password must stop what is being done. */
public final class PasswordRules {

    private PasswordRules() {
    }

    /** @throws IllegalArgumentException with {@link AdminRules#passwordProblem}'s message, naming the password */
    public static String require(String password) {
        String problem = AdminRules.passwordProblem(password);
        if (problem != null) {
            throw new IllegalArgumentException("the password " + problem);
        }
        return password;
    }
}
