package dev.zvonok.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.settings.Settings.CardCorner;
import dev.zvonok.app.settings.Settings.Theme;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dataDir;

    private final Locale russianComputer = Locale.forLanguageTag("ru-RU");

    @Test
    void aFirstStartHasTheDefaultsInTheComputersLanguage() {
        Settings settings = new SettingsStore(dataDir, russianComputer).load();

        assertThat(settings).isEqualTo(Settings.defaults(russianComputer));
        assertThat(settings.language()).isEqualTo(Languages.RUSSIAN);
        assertThat(new SettingsStore(dataDir, Locale.GERMANY).load().language())
                .as("a language we do not speak").isEqualTo(Languages.ENGLISH);
    }

    @Test
    void whatIsSavedIsLoadedBack() throws Exception {
        Settings chosen = new Settings(URI.create("https://pbx-crm.example:8443"), Languages.ENGLISH, false, 0.35,
                CardCorner.TOP_LEFT, 2, true, Theme.DARK);
        SettingsStore store = new SettingsStore(dataDir.resolve("not-yet-there"), russianComputer);

        store.save(chosen);

        assertThat(new SettingsStore(dataDir.resolve("not-yet-there"), russianComputer).load()).isEqualTo(chosen);
        assertThat(Files.list(store.file().getParent())).as("nothing left aside")
                .containsExactly(store.file());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void theFileIsTheOperatorsOnlyAlsoWhereItWasOpenToAllBefore() throws Exception {
        Path file = dataDir.resolve(SettingsStore.FILE_NAME);
        Files.writeString(file, "server=http://pbx:3771\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        new SettingsStore(dataDir, russianComputer).save(Settings.defaults(russianComputer));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theCertificateAuthorityFileIsKeptAndNoneIsNone() throws Exception {
        Settings withCa = Settings.defaults(russianComputer).withServer(URI.create("https://crm.example:3771"))
                .withCaFile(java.util.Optional.of(dataDir.resolve("company-ca.pem")));
        SettingsStore store = new SettingsStore(dataDir, russianComputer);

        store.save(withCa);
        assertThat(store.load().caFile()).contains(dataDir.resolve("company-ca.pem"));

        store.save(withCa.withCaFile(java.util.Optional.empty()));
        assertThat(store.load().caFile()).isEmpty();
    }

    @Test
    void anUnreadableFileGivesTheDefaults() throws Exception {
        Path file = dataDir.resolve(SettingsStore.FILE_NAME);
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3, 0x28});

        assertThat(new SettingsStore(dataDir, russianComputer).load()).isEqualTo(Settings.defaults(russianComputer));
    }

    @Test
    void aBrokenEscapeGivesTheDefaults() throws Exception {
        Files.writeString(dataDir.resolve(SettingsStore.FILE_NAME), "server=http://x\\u12\n");

        assertThat(new SettingsStore(dataDir, russianComputer).load()).isEqualTo(Settings.defaults(russianComputer));
    }

    @Test
    void valuesThatMakeNoSenseFallBackOneByOneKeepingTheRest() throws Exception {
        Files.writeString(dataDir.resolve(SettingsStore.FILE_NAME), """
                server=pbx-crm.local:3771
                language=klingon
                sound=perhaps
                volume=NaN
                cardCorner=MIDDLE
                startAtLogin=true
                theme=dark
                garbage line without equals sign
                """, StandardCharsets.UTF_8);

        Settings loaded = new SettingsStore(dataDir, russianComputer).load();

        Settings defaults = Settings.defaults(russianComputer);
        assertThat(loaded.server()).isEqualTo(URI.create("http://pbx-crm.local:3771"));
        assertThat(loaded.language()).isEqualTo(defaults.language());
        assertThat(loaded.soundOn()).isEqualTo(defaults.soundOn());
        assertThat(loaded.volume()).isEqualTo(defaults.volume());
        assertThat(loaded.cardCorner()).isEqualTo(defaults.cardCorner());
        assertThat(loaded.startAtLogin()).isTrue();
        assertThat(loaded.theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void aServerAddressThatIsNoneFallsBackToTheDefault() throws Exception {
        Files.writeString(dataDir.resolve(SettingsStore.FILE_NAME), "server=ftp://files/\u0000\n");

        assertThat(new SettingsStore(dataDir, russianComputer).load().server()).isEqualTo(Settings.DEFAULT_SERVER);
    }
}
