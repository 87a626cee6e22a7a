package dev.zvonok.app.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The visible strings of one feature in one language, from its resource bundle ({@code messages.properties} for
 * English, {@code messages_ru.properties} for Russian, UTF-8, next to the feature's classes).
 *
 * <pre>{@code Texts texts = Texts.of(CardView.class, locale); texts.get("card.pickUp"); }</pre>
 */
public final class Texts {

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The bundle {@code messages} in the package of {@code feature}. */
    public static Texts of(Class<?> feature, Locale locale) {
        String baseName = feature.getPackageName() + ".messages";
        // the root bundle is English: never fall back to the JVM's default locale instead
        ResourceBundle bundle = ResourceBundle.getBundle(baseName, locale, feature.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Texts(bundle, locale);
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!"; // visible in a screenshot and in a test, never a crash
        }
    }

    /** {@code key}'s pattern ({@link MessageFormat}) with {@code arguments} in. */
    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), locale).format(arguments);
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(Objects.requireNonNull(key));
    }
}
