package dev.zvonok.server.bulk;

import dev.zvonok.server.directory.EnteredNumber;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who has which number among the entries of one kind, once the import is done: a number belongs to one user, one
 * company, one dealer. Filled with the stored owners whose numbers the file does not replace, then claimed row by row.
 */
final class NumberOwners {

    private final Map<String, String> owners = new HashMap<>();

    void stored(String normalized, String owner) {
        owners.putIfAbsent(normalized, owner);
    }

    /** Claims the numbers for the row's entry; a number somebody else has is a problem of the column naming them. */
    void claim(List<EnteredNumber> numbers, String owner, RowResult result, Column column) {
        for (EnteredNumber number : numbers) {
            String current = owners.putIfAbsent(number.normalized(), owner);
            if (current != null) {
                result.problem(column, number.number() + " (" + number.normalized() + ") already belongs to "
                        + current);
            }
        }
    }
}
