package dev.zvonok.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs({OS.LINUX, OS.MAC})
class DataDirectoryTest {

    @TempDir
    Path home;

    @Test
    void aDirectoryThatExistedOpenToAllBecomesTheOperatorsOnlyWithItsSecrets() throws Exception {
        Path dataDir = Files.createDirectories(home.resolve(".zvonok"));
        Path session = Files.writeString(dataDir.resolve("session.json"), "{\"refreshToken\":\"r-Zq91\"}");
        Path settings = Files.writeString(dataDir.resolve("settings.properties"), "server=http://pbx:3771\n");
        Path notes = Files.createDirectories(dataDir.resolve("notes/ivanov"));
        Path note = Files.writeString(notes.resolve("call-1.json"), "{}");
        Path notOurs = Files.writeString(dataDir.resolve("shopping-list.txt"), "milk");
        for (Path directory : List.of(dataDir, dataDir.resolve("notes"), notes)) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Path file : List.of(session, settings, note, notOurs)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }

        DataDirectory.makePrivate(dataDir, List.of(session, settings));

        for (Path directory : List.of(dataDir, dataDir.resolve("notes"), notes)) {
            assertThat(permissions(directory)).as(directory.toString()).isEqualTo("rwx------");
        }
        for (Path file : List.of(session, settings, note)) {
            assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------");
        }
        assertThat(permissions(notOurs)).as("what is not the app's keeps its permissions").isEqualTo("rw-r--r--");
    }

    @Test
    void aMissingDirectoryIsMadeTheOperatorsOnly() throws Exception {
        Path dataDir = home.resolve("deep/.zvonok");

        DataDirectory.makePrivate(dataDir, List.of(dataDir.resolve("session.json")));

        assertThat(permissions(dataDir)).isEqualTo("rwx------");
        assertThat(dataDir).isEmptyDirectory();
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
