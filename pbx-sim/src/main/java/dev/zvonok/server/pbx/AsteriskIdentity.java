package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiTrace;

/**
 * What the endpoint says about itself: the banner, {@code CoreSettings} and {@code core show version}.
 *
 * <p>The defaults are those of the PBX the recordings were made on, so a client sees the same server either way.
 */
public record AsteriskIdentity(String amiVersion, String asteriskVersion, String versionLine, String systemName) {

    /** The chan_sip rig of {@code /ami-traces}. */
    public static final AsteriskIdentity ASTERISK_20 = new AsteriskIdentity(
            "9.0.0",
            "20.20.1",
            "Asterisk 20.20.1 built by root @ vm on a x86_64 running Linux on 2026-11-21 18:58:52 UTC",
            "");

    /**
     * The chan_pjsip rig of {@code /ami-traces/pjsip}: banner and version as recorded; its {@code core show version}
     * line was not recorded and follows the 20 rig's.
     */
    public static final AsteriskIdentity ASTERISK_22 = new AsteriskIdentity(
            "11.0.0",
            "22.10.1",
            "Asterisk 22.10.1 built by root @ vm on a x86_64 running Linux",
            "");

    private static final String BANNER_PREFIX = "Asterisk Call Manager/";

    /** The first line a client reads after connecting, without its CRLF. */
    public String banner() {
        return BANNER_PREFIX + amiVersion;
    }

    /**
     * The PBX a recording was made on, told by its banner, so that a replay greets clients as that PBX did; a trace
     * without a banner, or with one we have no identity for, gets {@link #ASTERISK_20}.
     */
    public static AsteriskIdentity recordedIn(AmiTrace trace) {
        String banner = trace.entries().stream().filter(entry -> entry.kind() == AmiTrace.Kind.BANNER)
                .map(entry -> entry.text().strip()).findFirst().orElse("");
        return banner.equals(ASTERISK_22.banner()) ? ASTERISK_22 : ASTERISK_20;
    }
}
