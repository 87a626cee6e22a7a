package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminError;
import java.util.function.Function;

/** Where an editor shows the server's refusal: next to the field it names, or over the form when it names none. */
final class Refusals {

    private Refusals() {
    }

    /**
     * Puts the refusal next to its field (a taken number naming who has it).
     *
     * @param fieldOf  the form's field of a name the server uses ({@code login}, {@code phones[0].number}), or null
     * @param fallback where a refusal naming no field of the form goes; null for the form as a whole
     * @return what the form as a whole says
     */
    static Message place(Throwable failure, Function<String, FormField> fieldOf, FormField fallback) {
        Throwable cause = AdminFailures.unwrap(failure);
        if (cause instanceof AdminRefusal refusal && !refusal.forbidden()) {
            String named = refusal.error().field();
            FormField field = named == null ? null : fieldOf.apply(named);
            if (field == null) {
                field = fallback;
            }
            if (field != null) {
                field.refuse(said(refusal.error()));
                return Message.of("admin.problem.seeFields");
            }
        }
        return AdminFailures.describe(failure);
    }

    private static Message said(AdminError error) {
        if (error.owner() != null) {
            String kind = switch (error.owner().kind()) {
                case "user", "dealer", "company", "line", "team" -> error.owner().kind();
                default -> "other";
            };
            return Message.of("admin.problem.taken." + kind, error.owner().name());
        }
        return Message.of("admin.problem.server", error.message());
    }
}
