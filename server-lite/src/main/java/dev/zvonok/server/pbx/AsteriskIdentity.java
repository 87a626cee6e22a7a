package dev.zvonok.server.pbx;

/**
 * What the endpoint says about itself: the banner, {@code CoreSettings} and {@code core show version}.
 *
 * <p>The defaults are those of the PBX the recordings were made on, so a client sees the same server either way.
 */
public record AsteriskIdentity(String amiVersion, String asteriskVersion, String versionLine, String systemName) {

    public static final AsteriskIdentity ASTERISK_20 = new AsteriskIdentity(
            "9.0.0",
            "20.20.1",
            "Asterisk 20.20.1 built by root @ vm on a x86_64 running Linux on 2026-11-21 18:58:52 UTC",
            "");

    /** The first line a client reads after connecting, without its CRLF. */
    public String banner() {
        return "Asterisk Call Manager/" + amiVersion;
    }
}
