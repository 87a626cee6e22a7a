package dev.zvonok.app.bench;

import java.util.List;

/**
 * Who calls in the benchmarks: numbers the demo directory knows (dealers' and companies' lines: the card shows a
 * name and a company) and numbers it does not (the card shows the number), taken in turn.
 */
final class Callers {

    static final List<String> NUMBERS = List.of(
            "89271390907", "89031112233", "88462001020", "89265554433", "84951234599", "84997776655",
            "88432003040", "89161234567", "88482556677", "89857770011", "78552450011", "89096665544",
            "9172223344", "84959998877");

    private Callers() {
    }

    static String number(int i) {
        return NUMBERS.get(i % NUMBERS.size());
    }
}
