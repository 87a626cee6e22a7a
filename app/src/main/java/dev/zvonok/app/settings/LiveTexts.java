package dev.zvonok.app.settings;

import dev.zvonok.app.i18n.Texts;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

/**
 * A feature's visible strings in the language the operator chose in Settings, following a change at once: views bind
 * their labels to these instead of reading {@link Texts} once, so a new language needs no restart.
 *
 * <pre>{@code label.textProperty().bind(texts.get("login.title")); }</pre>
 */
public final class LiveTexts {

    private final ObjectBinding<Texts> texts;

    public LiveTexts(Class<?> feature, ObservableValue<Locale> language) {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(language, "language");
        this.texts = Bindings.createObjectBinding(() -> Texts.of(feature, language.getValue()), language);
    }

    /** The strings in the current language, for the moment: prefer the bindings below for anything shown. */
    public Texts now() {
        return texts.get();
    }

    public ObservableValue<Texts> texts() {
        return texts;
    }

    public StringBinding get(String key) {
        return Bindings.createStringBinding(() -> texts.get().get(key), texts);
    }

    public StringBinding format(String key, Object... arguments) {
        return Bindings.createStringBinding(() -> texts.get().format(key, arguments), texts);
    }

    /** Any text made from the strings and other observables, recomputed when either changes. */
    public StringBinding text(Function<Texts, String> make, Observable... dependencies) {
        Observable[] all = Arrays.copyOf(dependencies, dependencies.length + 1);
        all[dependencies.length] = texts;
        return Bindings.createStringBinding(() -> make.apply(texts.get()), all);
    }
}
