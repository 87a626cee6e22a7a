package dev.zvonok.server.directory;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.phone.PhoneNumbers;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is who, on the hot path: which operator a phone belongs to, and who is calling.
 *
 * <p>The directory's numbers are held in memory as a whole (a call centre's directory is thousands of numbers, a few
 * megabytes at most), so that every answer is a map read, a number nobody knows included: a ring never waits for
 * the database. Every change reloads the index — the repositories report their own writes after commit,
 * {@link DirectoryChangeNotifications} the other processes' — while readers go on with the previous one.
 */
public final class Directory implements DirectoryChangeListener {

    private static final Logger log = LoggerFactory.getLogger(Directory.class);

    /** Beyond this many numbers the in-memory index is worth a second thought; it still works. */
    private static final int LARGE_DIRECTORY = 500_000;

    private final DirectoryLookups lookups;
    private final PhoneNumbers numbers;
    private final AtomicLong changes = new AtomicLong();
    private final Object loading = new Object();
    private volatile DirectoryIndex index;

    public Directory(DirectoryLookups lookups, PhoneNumbers numbers) {
        this.lookups = Objects.requireNonNull(lookups, "lookups");
        this.numbers = Objects.requireNonNull(numbers, "numbers");
    }

    /**
     * Who is calling from {@code number}, in any format: a colleague (user_phones), else a dealer and its company,
     * else a company, else unknown. A withheld number (null, blank, no digits) is unknown.
     *
     * @throws org.jooq.exception.DataAccessException only before the directory could be read even once
     */
    public CallerIdentity identify(String number) {
        String normalized = numbers.normalize(number);
        return normalized == null ? CallerIdentity.unknown(null) : index().caller(normalized);
    }

    /**
     * Who is calling from {@code number}, as the card, the board and the queues show it; a withheld number (null) is
     * unknown without asking the directory, which may not have been read yet.
     */
    public CallerView callerView(String number) {
        if (number == null) {
            return CallerView.UNKNOWN;
        }
        CallerIdentity who = identify(number);
        return new CallerView(who.kind(), who.name(), who.companyName());
    }

    /** The user whose phone has this extension or number (any format). */
    public Optional<User> operatorFor(String extensionOrNumber) {
        String normalized = numbers.normalize(extensionOrNumber);
        return normalized == null ? Optional.empty() : index().operator(normalized);
    }

    /** Every user, active or not, oldest first: who the supervisors' board may show. */
    public List<User> users() {
        return index().users();
    }

    /**
     * The line a call came in on: the one of the number it dialled (any format), else the one of the queue it
     * entered; empty when neither is a known line.
     */
    public Optional<Line> line(String dialed, String queue) {
        return index().line(numbers.normalize(dialed), queue);
    }

    /**
     * The line a call came in on, as it is named now: an inbound call's {@link #line(String, String) line}; outbound
     * and internal calls came in on none. The recorder and the card both ask this, so that the card names the line
     * the call's record keeps.
     */
    public Optional<Line> lineOf(CallDirection direction, String dialed, String queue) {
        return direction == CallDirection.INBOUND ? line(dialed, queue) : Optional.empty();
    }

    /** Reloads the index; readers use the previous one until the new one is complete. */
    @Override
    public void directoryChanged() {
        changes.incrementAndGet();
        try {
            reload();
        } catch (RuntimeException e) {
            log.warn("Cannot reload the directory ({}); answers stay as they were until the next change",
                    e.getMessage());
        }
    }

    private DirectoryIndex index() {
        DirectoryIndex current = index;
        return current != null ? current : reload();
    }

    private DirectoryIndex reload() {
        synchronized (loading) {
            DirectoryIndex fresh = DirectoryIndex.load(lookups);
            index = fresh;
            if (fresh.size() > LARGE_DIRECTORY) {
                log.warn("The directory holds {} numbers, all of them in memory", fresh.size());
            }
            return fresh;
        }
    }

    /** How many times the directory was reported changed, for tests and metrics. */
    public long changesSeen() {
        return changes.get();
    }

    public PhoneNumbers numbers() {
        return numbers;
    }
}
