package dev.zvonok.app;

import dev.zvonok.app.server.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's own directory ({@code ~/.zvonok} by default) holds the refresh token and the operator's unsent call
 * notes: only the operator may enter it. A directory made by the app is made so; one that existed before (made by
 * hand, by an older version, restored from a backup) is tightened at every start: 0700 for it and the notes'
 * directories, 0600 for the files the app keeps there. Only what is the app's own: a {@code --data-dir} pointing at
 * a folder shared with other things must not see those things' permissions changed.
 */
final class DataDirectory {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

    /** The notes' tree is the app's entirely. */
    private static final String NOTES = "notes";

    private DataDirectory() {
    }

    /**
     * Creates {@code directory} owner-only if missing, and takes others' permissions away from what is there.
     *
     * @param ownFiles the app's files in it (the session, the settings): the stores name them
     */
    static void makePrivate(Path directory, List<Path> ownFiles) throws IOException {
        PrivateFiles.createDirectory(directory);
        restrict(directory);
        for (Path file : ownFiles) {
            restrict(file);
        }
        Path notes = directory.resolve(NOTES);
        if (Files.isDirectory(notes, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> tree = Files.walk(notes)) {
                for (Path path : (Iterable<Path>) tree::iterator) {
                    restrict(path);
                }
            }
        }
    }

    private static void restrict(Path path) throws IOException {
        Optional<String> was = PrivateFiles.restrictToOwner(path);
        was.ifPresent(permissions -> log.info("{} was {}: now the operator's only", path, permissions));
    }
}
