package dev.zvonok.app.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Starting the app when the operator logs in to the computer: how it is done differs per desktop. */
public interface Autostart {

    /** False where we do not know how: Settings then says so instead of offering the choice. */
    boolean isSupported();

    boolean isEnabled();

    /** @throws IOException when the desktop's autostart entry cannot be written or removed */
    void setEnabled(boolean enabled) throws IOException;

    /**
     * Rewrites an entry an older version wrote with the app's whole command line, login and password included, with
     * this version's command (no credentials); leaves any other entry, and no entry, as they are.
     *
     * @return whether an entry was rewritten
     */
    default boolean dropCredentials() throws IOException {
        return false;
    }

    /** For systems we have no autostart for (Windows and macOS, for now). */
    static Autostart unsupported() {
        return new Autostart() {
            @Override
            public boolean isSupported() {
                return false;
            }

            @Override
            public boolean isEnabled() {
                return false;
            }

            @Override
            public void setEnabled(boolean enabled) throws IOException {
                throw new IOException("autostart is not supported on this system");
            }
        };
    }

    /**
     * The autostart of this computer: an XDG autostart entry on Linux, unsupported elsewhere.
     *
     * @param command the command line that starts the app (see {@link XdgAutostart#commandOfThisProcess})
     */
    static Autostart forThisSystem(String osName, Path home, String command) {
        if (osName.toLowerCase(Locale.ROOT).contains("linux") && command != null) {
            return new XdgAutostart(home.resolve(".config").resolve("autostart"), command);
        }
        return unsupported();
    }
}
