package dev.zvonok.model.directory;

/**
 * Who is calling, as the operator's card shows it: a colleague, a dealer (with its company), a company, or unknown.
 *
 * @param name    the person's, dealer's or company's name; null when unknown
 * @param company the company of a dealer (or the company itself); null when none
 */
public record CallerView(CallerKind kind, String name, String company) {

    public static final CallerView UNKNOWN = new CallerView(CallerKind.UNKNOWN, null, null);
}
