package dev.zvonok.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
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
    void theEntryCarriesNeitherLoginNorPasswordWhateverTheAppWasStartedWith() throws Exception {
        List<String> appArguments = List.of("--server", "http://pbx-crm.local:3771", "--login", "ivanov",
                "--password", "pass-Zq91", "--data-dir", "/srv/zvonok/ivanov");
        List<String> jvm = List.of("-Xmx96m", "--enable-native-access=ALL-UNNAMED", "-jar", "/opt/zvonok-app.jar");
        List<String> process = Stream.concat(jvm.stream(), appArguments.stream()).toList();
        String command = XdgAutostart.javaCommand("/usr/lib/jvm/temurin-21/bin/java", process, appArguments,
                List.of("--server", "http://pbx-crm.local:3771", "--data-dir", "/srv/zvonok/ivanov"));
        XdgAutostart autostart = new XdgAutostart(home.resolve(".config/autostart"), command);

        autostart.setEnabled(true);

        String entry = Files.readString(autostart.entry());
        assertThat(entry).doesNotContain("pass-Zq91").doesNotContain("--password").doesNotContain("ivanov ")
                .doesNotContain("--login")
                .contains("Exec=/usr/lib/jvm/temurin-21/bin/java -Xmx96m --enable-native-access=ALL-UNNAMED -jar"
                        + " /opt/zvonok-app.jar --server http://pbx-crm.local:3771 --data-dir /srv/zvonok/ivanov");
    }

    @Test
    void aCommandLineWhoseTailIsNotTheAppsArgumentsGivesNoCommandRatherThanAGuess() {
        assertThat(XdgAutostart.javaCommand("java", List.of("-jar", "app.jar", "--password", "pass-Zq91"),
                List.of("--password", "other"), List.of())).isNull();
        assertThat(XdgAutostart.javaCommand("java", List.of("--password"), List.of("-jar", "--password"),
                List.of())).isNull();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void theEntryIsTheOperatorsOnlyEvenWhereAnOlderOneWasWorldReadable() throws Exception {
        Path autostartDir = Files.createDirectories(home.resolve(".config/autostart"));
        Path old = autostartDir.resolve("zvonok.desktop");
        Files.writeString(old, "[Desktop Entry]\nExec=java -jar zvonok-app.jar --login ivanov --password pass-Zq91\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        XdgAutostart autostart = new XdgAutostart(autostartDir, "/opt/zvonok/bin/Zvonok");

        assertThat(autostart.dropCredentials()).as("an old entry with a password is rewritten").isTrue();

        assertThat(Files.readString(old)).doesNotContain("pass-Zq91").contains("Exec=/opt/zvonok/bin/Zvonok");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(old))).isEqualTo("rw-------");
        assertThat(autostart.dropCredentials()).as("a clean entry stays").isFalse();
        assertThat(autostartDir).isDirectoryNotContaining("glob:**.new");
    }

    @Test
    void noEntryStaysNoEntry() throws Exception {
        XdgAutostart autostart = new XdgAutostart(home.resolve(".config/autostart"), "/opt/zvonok/bin/Zvonok");

        assertThat(autostart.dropCredentials()).isFalse();
        assertThat(autostart.isEnabled()).isFalse();
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
