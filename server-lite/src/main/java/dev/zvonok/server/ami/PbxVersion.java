package dev.zvonok.server.ami;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asteriskjava.AsteriskVersion;

/**
 * Which Asterisk the PBX is, as far as its manager interface tells.
 *
 * <p>{@code CoreSettings} says it exactly ({@code 22.10.1}), but only to an account with {@code system} or
 * {@code reporting} in its {@code write} line. The banner every client reads ({@code Asterisk Call Manager/11.0.0})
 * names the AMI version, which moves with Asterisk's major release (include/asterisk/manager.h: AMI 4 came with
 * Asterisk 15, AMI 9 with 20, AMI 11 with 22): enough to know the release when {@code CoreSettings} is refused,
 * where asterisk-java 3.42.2 would try {@code core show version} four times, wait two seconds and assume Asterisk 16.
 *
 * @param asterisk the release, {@code 22.10.1} from CoreSettings or {@code 22} from the banner; null when unknown
 * @param ami      the AMI version of the banner, {@code 11.0.0}; null without a banner
 */
public record PbxVersion(String asterisk, String ami) {

    private static final Pattern BANNER = Pattern.compile("Call Manager/((\\d+)\\.\\d+(?:\\.\\d+)?)");
    private static final Pattern MAJOR = Pattern.compile("^(\\d+)");

    /** From the banner alone: {@code Asterisk Call Manager/11.0.0} is Asterisk 22. */
    public static PbxVersion fromBanner(String banner) {
        Matcher matcher = banner == null ? null : BANNER.matcher(banner);
        if (matcher == null || !matcher.find()) {
            return new PbxVersion(null, null);
        }
        int amiMajor = Integer.parseInt(matcher.group(2));
        String asterisk = amiMajor >= 4 ? Integer.toString(amiMajor + 11) // AMI 4.0 = Asterisk 15 ... 11.0 = 22
                : amiMajor == 3 ? "14" : amiMajor == 2 ? "13" : null;
        return new PbxVersion(asterisk, matcher.group(1));
    }

    /** What CoreSettings said ({@code AsteriskVersion}), the banner's AMI version beside it. */
    public static PbxVersion fromCoreSettings(String asteriskVersion, String banner) {
        return new PbxVersion(asteriskVersion, fromBanner(banner).ami());
    }

    public boolean isKnown() {
        return asterisk != null;
    }

    /** The release's first number: 22. */
    public Integer major() {
        Matcher matcher = asterisk == null ? null : MAJOR.matcher(asterisk);
        return matcher != null && matcher.find() ? Integer.parseInt(matcher.group(1)) : null;
    }

    /**
     * asterisk-java's name for it, which shapes how the library writes some actions: the release itself when the
     * library knows it, the newest it knows for a newer one, its default (16) only when nothing is known.
     */
    AsteriskVersion forLibrary() {
        Integer major = major();
        if (major == null) {
            return AsteriskVersion.DEFAULT_VERSION;
        }
        AsteriskVersion known = AsteriskVersion.getDetermineVersionFromString("Asterisk " + major + ".0");
        if (known != null) {
            return known;
        }
        return major > 23 ? AsteriskVersion.ASTERISK_23 : AsteriskVersion.DEFAULT_VERSION;
    }

    @Override
    public String toString() {
        return (asterisk == null ? "Asterisk (release unknown)" : "Asterisk " + asterisk)
                + (ami == null ? "" : " (AMI " + ami + ")");
    }
}
