package dev.zvonok.app.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Optional;

/**
 * The extra certificate authority's file as an operator (or their admin) gives it in Settings: blank for none, else a
 * readable file with at least one PEM certificate. Checked when typed, so that a wrong file is seen in Settings
 * rather than as an untrusted server at the next login.
 */
public final class CaFile {

    private CaFile() {
    }

    /**
     * @return empty when the text names no usable file; {@code Optional.of(Optional.empty())} for blank (no file);
     *         else the file
     */
    public static Optional<Optional<Path>> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.of(Optional.empty());
        }
        try {
            Path file = Path.of(typed.strip());
            return holdsACertificate(file) ? Optional.of(Optional.of(file)) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static boolean holdsACertificate(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return !CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty();
        } catch (IOException | CertificateException e) {
            return false;
        }
    }
}
