package dev.zvonok.server.directory;

import static dev.zvonok.server.db.schema.Tables.LINES;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.db.schema.tables.records.LinesRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The PBX's lines (incoming numbers and queues) and their names. Every change refreshes the directory cache. */
public final class LineRepository {

    private final DirectoryWrites writes;
    private final DSLContext dsl;
    private final PhoneNumbers numbers;

    public LineRepository(DSLContext dsl, PhoneNumbers numbers, DirectoryChangeListener changes) {
        this.writes = new DirectoryWrites(dsl, changes);
        this.dsl = dsl;
        this.numbers = Objects.requireNonNull(numbers, "numbers");
    }

    /**
     * The form a line is matched by: a DID's comparable number, a queue's name as the PBX spells it.
     *
     * @throws IllegalArgumentException for a DID without digits
     */
    public String normalize(LineKind kind, String number) {
        return kind.normalize(numbers, number);
    }

    /** @throws NumberTakenException when another line of the kind has this number or queue */
    public Line create(LineDetails details, ChangeRecorder<Line> recorder) {
        String normalized = normalize(details.kind(), details.number());
        return writes.change("line " + details.number(), c -> {
            DSLContext tx = c.dsl();
            checkFree(tx, null, details.kind(), normalized);
            long id = tx.insertInto(LINES)
                    .set(LINES.KIND, details.kind().dbName())
                    .set(LINES.NUMBER, details.number())
                    .set(LINES.NORMALIZED, normalized)
                    .set(LINES.NAME, details.name())
                    .set(LINES.SOURCE, details.source())
                    .set(LINES.CITY, details.city())
                    .set(LINES.COMMENT, details.comment())
                    .returningResult(LINES.ID)
                    .fetchSingle()
                    .value1();
            Line created = read(tx, id, false).orElseThrow();
            recorder.record(tx, null, created);
            return created;
        });
    }

    /** @throws NumberTakenException when another line of the kind has this number or queue */
    public Optional<Line> update(long id, LineDetails details, ChangeRecorder<Line> recorder) {
        String normalized = normalize(details.kind(), details.number());
        return writes.change("line " + details.number(), c -> {
            DSLContext tx = c.dsl();
            Optional<Line> before = read(tx, id, true);
            if (before.isEmpty()) {
                return Optional.<Line>empty();
            }
            checkFree(tx, id, details.kind(), normalized);
            tx.update(LINES)
                    .set(LINES.KIND, details.kind().dbName())
                    .set(LINES.NUMBER, details.number())
                    .set(LINES.NORMALIZED, normalized)
                    .set(LINES.NAME, details.name())
                    .set(LINES.SOURCE, details.source())
                    .set(LINES.CITY, details.city())
                    .set(LINES.COMMENT, details.comment())
                    .where(LINES.ID.eq(id))
                    .execute();
            Line after = read(tx, id, false).orElseThrow();
            recorder.record(tx, before.get(), after);
            return Optional.of(after);
        });
    }

    /** Calls keep the line's name and source they recorded. @return false when there is no such line */
    public boolean delete(long id, ChangeRecorder<Line> recorder) {
        return writes.change("line " + id, c -> {
            DSLContext tx = c.dsl();
            Optional<Line> before = read(tx, id, true);
            if (before.isEmpty()) {
                return false;
            }
            tx.deleteFrom(LINES).where(LINES.ID.eq(id)).execute();
            recorder.record(tx, before.get(), null);
            return true;
        });
    }

    public Optional<Line> find(long id) {
        return read(dsl, id, false);
    }

    /** The line of this kind with this number (any format) or queue name. */
    public Optional<Line> find(LineKind kind, String number) {
        String normalized;
        try {
            normalized = normalize(kind, number);
        } catch (IllegalArgumentException noDigits) {
            return Optional.empty();
        }
        return dsl.selectFrom(LINES).where(LINES.KIND.eq(kind.dbName()), LINES.NORMALIZED.eq(normalized))
                .fetchOptional(LineRepository::map);
    }

    public List<Line> list() {
        return dsl.selectFrom(LINES).orderBy(LINES.NAME, LINES.ID).fetch(LineRepository::map);
    }

    /**
     * Lines by name, source, city or number, in {@code sort}'s order.
     *
     * @param kind null for both kinds
     */
    public Found<Line> search(String text, LineKind kind, SortOrder sort, int offset, int limit) {
        Condition where = DSL.noCondition();
        if (text != null && !text.isBlank()) {
            String term = text.strip();
            Condition matches = LINES.NAME.containsIgnoreCase(term).or(LINES.SOURCE.containsIgnoreCase(term))
                    .or(LINES.CITY.containsIgnoreCase(term)).or(LINES.NUMBER.containsIgnoreCase(term));
            String digits = term.replaceAll("\\D", "");
            if (!digits.isEmpty()) {
                matches = matches.or(LINES.NORMALIZED.contains(digits));
            }
            where = where.and(matches);
        }
        if (kind != null) {
            where = where.and(LINES.KIND.eq(kind.dbName()));
        }
        int total = dsl.fetchCount(LINES, where);
        List<Line> page = dsl.selectFrom(LINES).where(where)
                .orderBy(sort.orderBy(LineRepository::sortColumn, LINES.ID))
                .offset(offset).limit(limit).fetch(LineRepository::map);
        return new Found<>(page, total);
    }

    /** A number is ordered by its normalised form: "8 (495) ..." and "+7 495 ..." are the same number. */
    private static Field<?> sortColumn(String key) {
        return switch (key) {
            case "number" -> LINES.NORMALIZED;
            case "name" -> LINES.NAME;
            case "source" -> LINES.SOURCE;
            case "city" -> LINES.CITY;
            default -> null;
        };
    }

    private static void checkFree(DSLContext tx, Long self, LineKind kind, String normalized) {
        LinesRecord other = tx.selectFrom(LINES)
                .where(LINES.KIND.eq(kind.dbName()), LINES.NORMALIZED.eq(normalized))
                .and(self == null ? DSL.noCondition() : LINES.ID.ne(self))
                .fetchOne();
        if (other != null) {
            throw new NumberTakenException(0, normalized,
                    new NumberOwner(NumberOwner.Kind.LINE, other.getId(), other.getName()));
        }
    }

    private static Optional<Line> read(DSLContext tx, long id, boolean lock) {
        var select = tx.selectFrom(LINES).where(LINES.ID.eq(id));
        return (lock ? select.forUpdate().fetchOptional() : select.fetchOptional()).map(LineRepository::map);
    }

    private static Line map(LinesRecord r) {
        return new Line(r.getId(), LineKind.fromDb(r.getKind()), r.getNumber(), r.getNormalized(), r.getName(),
                r.getSource(), r.getCity(), r.getComment());
    }
}
