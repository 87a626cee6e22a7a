package dev.zvonok.server.directory;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * How a directory list is ordered: by one of its keys (see {@code AdminSort} for each list's), ascending or
 * descending.
 *
 * @param key a key the list knows; an unknown one is the caller's mistake
 */
public record SortOrder(String key, boolean descending) {

    public static final SortOrder BY_NAME = new SortOrder("name", false);

    public SortOrder {
        Objects.requireNonNull(key, "key");
    }

    /**
     * The ORDER BY: the key's column, text lower-cased (an admin reads "ангара" and "Ангара" as one word), rows
     * without a value last, then the id ascending, so that rows equal by the key keep one order from page to page.
     *
     * @param columns the list's column for each of its keys, null for a key it does not know
     */
    List<SortField<?>> orderBy(Function<String, Field<?>> columns, Field<Long> id) {
        Field<?> column = columns.apply(key);
        if (column == null) {
            throw new IllegalArgumentException("cannot sort by '" + key + "'");
        }
        Field<?> compared = column.getType() == String.class ? DSL.lower(column.coerce(String.class)) : column;
        SortField<?> first = descending ? compared.desc().nullsLast() : compared.asc().nullsLast();
        return List.of(first, id.asc());
    }
}
