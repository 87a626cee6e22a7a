package dev.zvonok.app.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the app reads and writes a properties file of its data directory. */
public final class PropertiesFiles {

    private static final Logger log = LoggerFactory.getLogger(PropertiesFiles.class);

    private PropertiesFiles() {
    }

    /**
     * The file's properties, or nothing when there is none yet (a first start) or it cannot be read (said in the log,
     * naming {@code what}): the caller's defaults then, since a damaged file of the user's choices must never keep an
     * operator from taking calls.
     */
    public static Optional<Properties> read(Path file, String what) {
        Properties stored = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            stored.load(in);
            return Optional.of(stored);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a broken \\u escape; MalformedInputException: not UTF-8
            log.warn("{} in {} cannot be read ({}); using the defaults", what, file, e.toString());
            return Optional.empty();
        }
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
