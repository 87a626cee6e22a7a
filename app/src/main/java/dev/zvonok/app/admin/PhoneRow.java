package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.model.phone.PhoneNumbers;
import java.util.Objects;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One phone of the user in the editor: the number as typed, its type ({@link AdminRules#EXTENSION},
 * {@link AdminRules#MOBILE} or {@link AdminRules#LANDLINE}), read by the server's phone rules as the admin types.
 */
public final class PhoneRow {

    private final FormField number;
    private final ObjectProperty<String> type = new SimpleObjectProperty<>(this, "type", AdminRules.EXTENSION);
    private final StringBinding normalized;

    /** @param duplicate whether another row has the same number (the server keeps one of each) */
    PhoneRow(PhoneNumbers numbers, Predicate<PhoneRow> duplicate) {
        this.number = new FormField(typed -> problem(numbers, typed, duplicate));
        this.normalized = Bindings.createStringBinding(() -> {
            String typed = number.text();
            if (number.invalid() || typed.isEmpty()) {
                return "";
            }
            String shown = numbers.display(typed);
            return shown.equals(typed) ? "" : shown; // said once is enough
        }, number.valueProperty(), type);
        type.addListener((o, was, now) -> number.recheck());
    }

    private Message problem(PhoneNumbers numbers, String typed, Predicate<PhoneRow> duplicate) {
        if (typed.isEmpty()) {
            return Message.of("admin.problem.required");
        }
        if (AdminRules.EXTENSION.equals(type.get())) {
            if (!numbers.isShort(numbers.normalize(typed))) {
                return Message.of("admin.problem.extension");
            }
        } else if (!numbers.isComplete(typed)) {
            return Message.of("admin.problem.wholeNumber");
        }
        return duplicate.test(this) ? Message.of("admin.problem.duplicate") : null;
    }

    public FormField number() {
        return number;
    }

    public ObjectProperty<String> typeProperty() {
        return type;
    }

    /** The number as the server will keep it, for people to read ({@code +7 927 555-12-34}); empty while invalid, or when it
     * reads as typed. */
    public StringBinding normalizedProperty() {
        return normalized;
    }

    void set(String newNumber, String newType) {
        type.set(Objects.requireNonNullElse(newType, AdminRules.EXTENSION));
        number.reset(newNumber);
    }
}
