package dev.zvonok.server.queues;

import dev.zvonok.model.directory.CallerView;
import dev.zvonok.server.directory.Directory;
import java.util.Optional;

/** Who the people in a queue are: the operator behind a member's extension, and who a waiting caller is. */
public interface QueueDirectory {

    /** An operator as the board names them. */
    record Operator(long userId, String name) {
    }

    Optional<Operator> operatorOf(String extension);

    /** The caller as an incoming card shows them; {@link CallerView#UNKNOWN} for a withheld number. */
    CallerView caller(String number);

    /** The number as the cards carry it: E.164 for a public number, as it is for an extension; null when withheld. */
    String number(String asThePbxSaysIt);

    /** Asks the server's directory, as the incoming cards do. */
    static QueueDirectory of(Directory directory) {
        return new QueueDirectory() {
            @Override
            public Optional<Operator> operatorOf(String extension) {
                return directory.operatorFor(extension).map(user -> new Operator(user.id(), user.displayName()));
            }

            @Override
            public CallerView caller(String number) {
                return directory.callerView(number);
            }

            @Override
            public String number(String asThePbxSaysIt) {
                return asThePbxSaysIt == null ? null : directory.numbers().normalize(asThePbxSaysIt);
            }
        };
    }

    /** Knows nobody: every member is the PBX's name, every caller unknown. */
    static QueueDirectory nobody() {
        return new QueueDirectory() {
            @Override
            public Optional<Operator> operatorOf(String extension) {
                return Optional.empty();
            }

            @Override
            public CallerView caller(String number) {
                return CallerView.UNKNOWN;
            }

            @Override
            public String number(String asThePbxSaysIt) {
                return asThePbxSaysIt;
            }
        };
    }
}
