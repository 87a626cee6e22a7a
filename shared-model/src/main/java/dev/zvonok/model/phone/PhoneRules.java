package dev.zvonok.model.phone;

/**
 * The server's settings for reading phone numbers, sent to the app at login so that both read them alike.
 *
 * @param region             the ISO region that numbers without a country code belong to ({@code RU}: 8XXXXXXXXXX
 *                           and 10-digit numbers are Russian)
 * @param maxExtensionDigits digit runs this short are internal extensions, not public numbers
 */
public record PhoneRules(String region, int maxExtensionDigits) {

    /** Extensions are at most this long unless the server is configured otherwise. */
    public static final int DEFAULT_MAX_EXTENSION_DIGITS = 6;

    /** Russia, extensions up to six digits: the server's defaults, and the app's for a server too old to say. */
    public static final PhoneRules RUSSIA = new PhoneRules("RU", DEFAULT_MAX_EXTENSION_DIGITS);
}
