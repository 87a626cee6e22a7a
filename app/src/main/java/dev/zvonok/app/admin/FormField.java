package dev.zvonok.app.admin;

import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One text field of a form with its rule, checked as the admin types. A field nobody typed in yet keeps quiet (a new
 * form is not all red) until {@link #showProblems()}, the moment of saving. The server's word on the field (a 400 or
 * a 409) stands until the admin changes the value.
 */
public final class FormField {

    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final Function<String, Message> rule;
    private Message fromServer;
    private boolean shown;
    private boolean resetting;

    /** @param rule what is wrong with a value (blank counts as such when it is), null when nothing */
    public FormField(Function<String, Message> rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
        value.addListener((o, was, now) -> {
            if (!resetting) {
                fromServer = null;
                shown = true;
                recheck();
            }
        });
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** The value, stripped; empty for none. */
    public String text() {
        return value.get() == null ? "" : value.get().strip();
    }

    /** The problem to show next to the field, or null. */
    public ReadOnlyObjectProperty<Message> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A new value from outside (a user loaded into the form): not the admin's typing, so nothing shown yet. */
    public void reset(String newValue) {
        resetting = true;
        try {
            value.set(newValue == null ? "" : newValue);
        } finally {
            resetting = false;
        }
        fromServer = null;
        shown = false;
        recheck();
    }

    /** Whether the value breaks the rule, shown or not. */
    public boolean invalid() {
        return rule.apply(text()) != null;
    }

    /** Saving: every problem shows now. */
    public void showProblems() {
        shown = true;
        recheck();
    }

    /** The server refused the value: its word stands until the value changes. */
    public void refuse(Message why) {
        fromServer = why;
        shown = true;
        recheck();
    }

    /** Checks again, for a rule that reads more than the value (a phone's type). */
    public void recheck() {
        problem.set(fromServer != null ? fromServer : shown ? rule.apply(text()) : null);
    }
}
