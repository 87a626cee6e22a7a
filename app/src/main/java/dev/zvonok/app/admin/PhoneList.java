package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminPhone;
import dev.zvonok.model.phone.PhoneNumbers;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The phones of whoever an editor holds (a user, a dealer, a company): rows as typed, each read by the server's phone
 * rules, the same number never twice; loaded as the server normalised them.
 */
public final class PhoneList {

    /** How the server names a phone's field in a refusal: {@code phones[1].number}. */
    private static final Pattern FIELD = Pattern.compile("phones\\[(\\d+)](?:\\.(?:number|type))?");

    private final PhoneNumbers numbers;
    private final String defaultType;
    private final ObservableList<PhoneRow> rows = FXCollections.observableArrayList(
            row -> new Observable[]{row.number().valueProperty(), row.typeProperty()});

    /** @param defaultType see {@link PhoneRow#PhoneRow(PhoneNumbers, String, java.util.function.Predicate)} */
    PhoneList(PhoneNumbers numbers, String defaultType) {
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.defaultType = defaultType;
        rows.addListener((ListChangeListener<PhoneRow>) change ->
                rows.forEach(row -> row.number().recheck())); // a duplicate may be one no longer
    }

    public ObservableList<PhoneRow> rows() {
        return rows;
    }

    public PhoneRow add() {
        PhoneRow row = newRow();
        rows.add(row);
        return row;
    }

    public void remove(PhoneRow row) {
        rows.remove(row);
    }

    /** The phones as the server has them, each shown the way people read it. */
    void fill(List<AdminPhone> phones) {
        rows.setAll(phones.stream().map(phone -> {
            PhoneRow row = newRow();
            String shown = phone.normalized() == null ? phone.number() : numbers.display(phone.normalized());
            row.set(shown, phone.type(), phone.comment());
            return row;
        }).toList());
        rows.forEach(row -> row.number().reset(row.number().text())); // the duplicates check saw half a list
    }

    List<AdminPhone> wire() {
        return rows.stream().map(PhoneRow::wire).toList();
    }

    List<FormField> fields() {
        return rows.stream().map(PhoneRow::number).toList();
    }

    /** What the rows hold, to tell whether they changed. */
    List<String> snapshot() {
        return rows.stream().map(row -> row.typeProperty().get() + ":" + row.number().text()).toList();
    }

    /** The number field a refusal names ({@code phones[1].number}), or null when it names none of these. */
    FormField fieldOf(String field) {
        Matcher phone = FIELD.matcher(field);
        if (phone.matches()) {
            int index = Integer.parseInt(phone.group(1));
            return index < rows.size() ? rows.get(index).number() : null;
        }
        return null;
    }

    private PhoneRow newRow() {
        return new PhoneRow(numbers, defaultType, row -> {
            String mine = numbers.normalize(row.number().text());
            return mine != null && rows.stream().anyMatch(other -> other != row
                    && mine.equals(numbers.normalize(other.number().text())));
        });
    }
}
