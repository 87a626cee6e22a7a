package dev.zvonok.app.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Files only the operator may read (tokens, call notes), written so that a crash or a power cut leaves either the old
 * content or the new one, never half of each: a temporary file is written, forced to disk, and renamed over the old
 * one. Owner-only permissions where the file system has POSIX permissions (on Windows the user's profile folder
 * already keeps others out).
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final String TEMPORARY_SUFFIX = ".tmp";

    private PrivateFiles() {
    }

    /** Creates {@code directory} and its parents if missing; a new directory is the owner's only. */
    public static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (isPosix(directory.toAbsolutePath().getRoot())) {
            try {
                Files.createDirectories(directory, asAttribute(OWNER_ONLY_DIRECTORY));
                return;
            } catch (FileAlreadyExistsException raced) {
                return;
            } catch (UnsupportedOperationException notPosixAfterAll) {
                // fall through
            }
        }
        Files.createDirectories(directory);
    }

    /**
     * Takes away what others may do with {@code path}, one that existed before with wider permissions included: a
     * directory becomes 0700, a file 0600. Nothing on file systems without POSIX permissions (Windows), for a path
     * that is not there, or for a symbolic link (its target may be anybody's).
     *
     * @return the permissions it had, when they were changed
     */
    public static Optional<String> restrictToOwner(Path path) throws IOException {
        if (!isPosix(path.toAbsolutePath().getRoot())) {
            return Optional.empty();
        }
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        PosixFileAttributes attributes = view.readAttributes();
        Set<PosixFilePermission> wanted = attributes.isDirectory() ? OWNER_ONLY_DIRECTORY
                : attributes.isRegularFile() ? OWNER_ONLY_FILE : null;
        if (wanted == null || attributes.permissions().equals(wanted)) {
            return Optional.empty();
        }
        view.setPermissions(wanted);
        return Optional.of(PosixFilePermissions.toString(attributes.permissions()));
    }

    /** Replaces {@code file}'s content with {@code content}, durably and atomically. */
    public static void writeAtomically(Path file, byte[] content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        createDirectory(directory);
        Path temporary = directory.resolve(file.getFileName() + "." + UUID.randomUUID() + TEMPORARY_SUFFIX);
        try {
            try (FileChannel channel = openNew(temporary)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        forceDirectory(directory);
    }

    /** Deletes {@code file} if it is there, durably. */
    public static void delete(Path file) throws IOException {
        if (Files.deleteIfExists(file)) {
            forceDirectory(file.toAbsolutePath().getParent());
        }
    }

    /** Whether {@code name} is a leftover of a write that a crash interrupted. */
    public static boolean isTemporary(Path name) {
        return name.getFileName().toString().endsWith(TEMPORARY_SUFFIX);
    }

    private static FileChannel openNew(Path temporary) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (isPosix(temporary.getParent())) {
            try {
                return FileChannel.open(temporary, options, asAttribute(OWNER_ONLY_FILE));
            } catch (UnsupportedOperationException notPosixAfterAll) {
                // fall through
            }
        }
        return FileChannel.open(temporary, options);
    }

    /** A rename is only durable once the directory itself is on disk; not every OS lets a directory be opened. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows: directories cannot be opened; NTFS journals the rename itself
        }
    }

    private static boolean isPosix(Path anyPathOnTheFileSystem) {
        return anyPathOnTheFileSystem != null
                && anyPathOnTheFileSystem.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> asAttribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
