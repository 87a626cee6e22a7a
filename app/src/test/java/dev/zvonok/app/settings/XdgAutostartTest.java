package dev.zvonok.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XdgAutostartTest {

    @TempDir
    Path home;

    @Test
    void enablingWritesADesktopEntryAndDisablingRemovesIt() throws Exception {
        Path autostartDir = home.resolve(".config/autostart");
        XdgAutostart autostart = new XdgAutostart(autostartDir, "/opt/zvonok/bin/Zvonok");
        assertThat(autostart.isEnabled()).isFalse();

        autostart.setEnabled(true);

        assertThat(autostart.isEnabled()).isTrue();
        assertThat(Files.readAllLines(autostartDir.resolve("zvonok.desktop")))
                .contains("[Desktop Entry]", "Type=Application", "Exec=/opt/zvonok/bin/Zvonok");

        autostart.setEnabled(false);
        autostart.setEnabled(false); // twice is no error

        assertThat(autostart.isEnabled()).isFalse();
        assertThat(autostartDir).isEmptyDirectory();
    }

    @Test
    void argumentsWithSpacesAndSpecialCharactersAreQuotedForTheExecKey() throws Exception {
        String command = XdgAutostart.quote("/opt/Zvonok App/bin/java") + " " + XdgAutostart.quote("-Dx=100%")
                + " " + XdgAutostart.quote("-jar");
        XdgAutostart autostart = new XdgAutostart(home, command);

        autostart.setEnabled(true);

        assertThat(Files.readAllLines(autostart.entry()))
                .contains("Exec=\"/opt/Zvonok App/bin/java\" \"-Dx=100%%\" -jar");
    }

    @Test
    void linuxHasAnAutostartOtherSystemsSayTheyHaveNone() {
        assertThat(Autostart.forThisSystem("Linux", home, "zvonok").isSupported()).isTrue();
        assertThat(Autostart.forThisSystem("Windows 11", home, "zvonok").isSupported()).isFalse();
        assertThat(Autostart.forThisSystem("Mac OS X", home, "zvonok").isSupported()).isFalse();
        assertThat(Autostart.forThisSystem("Linux", home, null).isSupported())
                .as("a process that does not know its own command line").isFalse();
    }
}
