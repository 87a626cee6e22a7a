package dev.zvonok.app.settings;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/** How the app writes a properties file of its data directory. */
public final class PropertiesFiles {

    private PropertiesFiles() {
    }

    /**
     * Replaces the file as a whole (written aside, then moved), so that a crash mid-write leaves the old one; the
     * operator's only (0600 where the file system has POSIX permissions), as everything in the data directory.
     */
    public static void replace(Path file, Properties content, String comment) throws IOException {
        Files.createDirectories(file.getParent());
        Path aside = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(aside);
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.createFile(aside, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer writer = Files.newBufferedWriter(aside, StandardCharsets.UTF_8)) {
            content.store(writer, comment);
        }
        try {
            Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
