package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.model.admin.AdminPhone;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One phone in an editor: the number as typed and, for a user's phone, its type ({@link AdminRules#EXTENSION},
 * {@link AdminRules#MOBILE} or {@link AdminRules#LANDLINE}), read by the server's phone rules as the admin types. A
 * dealer's or a company's number has no type: it must be a whole number, and keeps the comment it came with.
 */
public final class PhoneRow {

    private final FormField number;
    private final String defaultType;
    private final ObjectProperty<String> type;
    private final StringBinding normalized;
    private String comment;

    /**
     * @param defaultType a new row's type: {@link AdminRules#EXTENSION} for a user's phones, null for an
     *                    organisation's numbers
     * @param duplicate   whether another row has the same number (the server keeps one of each)
     */
    PhoneRow(PhoneNumbers numbers, String defaultType, Predicate<PhoneRow> duplicate) {
        this.defaultType = defaultType;
        this.type = new SimpleObjectProperty<>(this, "type", defaultType);
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

    /** What the request sends of this row; an organisation's number keeps its comment, not edited here. */
    AdminPhone wire() {
        return new AdminPhone(number.text(), null, type.get(), comment);
    }

    void set(String newNumber, String newType, String newComment) {
        type.set(newType == null ? defaultType : newType);
        comment = newComment;
        number.reset(newNumber);
    }
}
