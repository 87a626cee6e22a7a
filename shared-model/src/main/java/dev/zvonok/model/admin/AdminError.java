package dev.zvonok.model.admin;

/**
 * The body of an administration route's 400 or 409: {@link dev.zvonok.model.api.ApiError}'s {@code code} and
 * {@code message} (it reads as one), plus what a form needs to point at the problem.
 *
 * @param field the request's field at fault, e.g. {@code login}, {@code phones[1].number}; null when none is
 * @param owner for a number that is taken: who has it now; null otherwise
 */
public record AdminError(String code, String message, String field, Owner owner) {

    /**
     * Whose a number is.
     *
     * @param kind {@code user}, {@code dealer}, {@code company} or {@code line}
     */
    public record Owner(String kind, long id, String name) {
    }
}
