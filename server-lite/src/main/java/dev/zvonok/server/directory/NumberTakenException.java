package dev.zvonok.server.directory;

/**
 * A number that already belongs to another owner of the same kind: one user, one dealer, one company, one line per
 * number, so that a ring names one caller.
 *
 * @see NumberOwner
 */
public final class NumberTakenException extends DirectoryConflictException {

    private final int index;
    private final String normalized;
    private final NumberOwner owner;

    /** @param index the number's place in the list it was given in */
    NumberTakenException(int index, String normalized, NumberOwner owner) {
        super(normalized + " already belongs to " + owner.kind().wireName() + " " + owner.name()
                + " (id " + owner.id() + ")", null);
        this.index = index;
        this.normalized = normalized;
        this.owner = owner;
    }

    public int index() {
        return index;
    }

    public String normalized() {
        return normalized;
    }

    public NumberOwner owner() {
        return owner;
    }
}
