package dev.zvonok.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading back a file of the user's choices: what was written, or nothing (the caller's defaults), never a failure. */
class PropertiesFilesTest {

    @TempDir
    Path dataDir;

    @Test
    void whatWasWrittenIsReadBack() throws Exception {
        Path file = dataDir.resolve("board").resolve("ivanov").resolve("board.properties");
        Properties written = new Properties();
        written.setProperty("muted", "CALLER_WAITING");
        written.setProperty("caFile", "C:\\Zvonok\\ca.pem");

        PropertiesFiles.replace(file, written, "test");

        assertThat(PropertiesFiles.read(file, "Board preferences")).contains(written);
    }

    @Test
    void noFileYetIsNothing() {
        assertThat(PropertiesFiles.read(dataDir.resolve("settings.properties"), "Settings")).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadIsNothing() throws Exception {
        Path brokenEscape = dataDir.resolve("broken-escape.properties");
        Files.write(brokenEscape, new byte[] {'o', 'r', 'd', 'e', 'r', '=', '\\', 'u', 'z'});
        Path notUtf8 = dataDir.resolve("not-utf8.properties");
        Files.write(notUtf8, new byte[] {'s', '=', (byte) 0xC3, (byte) 0x28});

        assertThat(PropertiesFiles.read(brokenEscape, "The history's columns")).isEmpty();
        assertThat(PropertiesFiles.read(notUtf8, "Settings")).isEmpty();
        assertThat(PropertiesFiles.read(dataDir, "A directory")).isEmpty();
    }
}
