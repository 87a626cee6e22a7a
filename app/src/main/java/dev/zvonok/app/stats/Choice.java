package dev.zvonok.app.stats;

/** An operator to filter by: the id the server knows them by, and the name the supervisor knows them by. */
public record Choice(long id, String name) {

    @Override
    public String toString() {
        return name;
    }
}
