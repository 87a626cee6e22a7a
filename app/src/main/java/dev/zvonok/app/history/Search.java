package dev.zvonok.app.history;

import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.phone.PhoneNumbers;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What the operator typed in the search field. A number goes to the server, normalized (it finds the number in any
 * format, but whole numbers only); a name is matched here, on the calls already loaded, because the server's
 * {@code /api/calls} has no name filter.
 */
public sealed interface Search {

    /** Nothing typed. */
    record Everything() implements Search {
    }

    /** @param normalized E.164 or an extension's digits, for the {@code number} parameter */
    record ByNumber(String normalized) implements Search {
    }

    /** Caller, company or operator names containing this text, in any case. */
    record ByName(String text) implements Search {

        /** The calls this search keeps. */
        public Predicate<CallListItem> matches() {
            String wanted = text.toLowerCase(Locale.ROOT);
            return call -> contains(call.caller() == null ? null : call.caller().name(), wanted)
                    || contains(call.caller() == null ? null : call.caller().company(), wanted)
                    || contains(call.answeredByName(), wanted);
        }

        private static boolean contains(String field, String wanted) {
            return field != null && field.toLowerCase(Locale.ROOT).contains(wanted);
        }
    }

    static Search parse(String typed, PhoneNumbers phones) {
        if (typed == null || typed.isBlank()) {
            return new Everything();
        }
        if (phones.looksLikeNumber(typed)) {
            return new ByNumber(phones.normalize(typed));
        }
        return new ByName(typed.strip());
    }
}
