package dev.zvonok.server.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The server's certificate for HTTPS and WSS: a PEM certificate (chain) with its PEM private key, or a PKCS#12
 * keystore with its password. Only where the files are; {@link ServerIdentity#load} reads them.
 *
 * @param certificate      PEM certificate, the server's first, then its intermediates (certbot's fullchain.pem)
 * @param privateKey       its PEM private key, unencrypted (PKCS#8, PKCS#1 or SEC1: what certbot and openssl write)
 * @param keystore         a PKCS#12 file holding the key and its chain (instead of the two above)
 * @param keystorePassword the keystore's password (and its key's); never shown by {@link #toString()}
 */
public record TlsSettings(Path certificate, Path privateKey, Path keystore, String keystorePassword) {

    /** The settings as users write them, for messages. */
    public static final String CERTIFICATE = "zvonok.http.tls.certificate";
    public static final String PRIVATE_KEY = "zvonok.http.tls.private-key";
    public static final String KEYSTORE = "zvonok.http.tls.keystore";
    public static final String KEYSTORE_PASSWORD = "zvonok.http.tls.keystore-password";

    public TlsSettings {
        keystorePassword = Objects.requireNonNullElse(keystorePassword, "");
        boolean pem = certificate != null || privateKey != null;
        if (pem && keystore != null) {
            throw new IllegalArgumentException("set either " + CERTIFICATE + " and " + PRIVATE_KEY + " (PEM) or "
                    + KEYSTORE + " (PKCS#12), not both");
        }
        if (pem && (certificate == null || privateKey == null)) {
            throw new IllegalArgumentException(certificate == null
                    ? PRIVATE_KEY + " is set but " + CERTIFICATE + " is not: both are needed"
                    : CERTIFICATE + " is set but " + PRIVATE_KEY + " is not: both are needed");
        }
        if (!pem && keystore == null) {
            throw new IllegalArgumentException("TLS needs " + CERTIFICATE + " and " + PRIVATE_KEY + ", or "
                    + KEYSTORE);
        }
    }

    /** A PEM certificate (chain) and its private key. */
    public static TlsSettings pem(Path certificate, Path privateKey) {
        return new TlsSettings(Objects.requireNonNull(certificate, "certificate"),
                Objects.requireNonNull(privateKey, "privateKey"), null, "");
    }

    /** A PKCS#12 keystore. */
    public static TlsSettings pkcs12(Path keystore, String password) {
        return new TlsSettings(null, null, Objects.requireNonNull(keystore, "keystore"), password);
    }

    public boolean isPem() {
        return keystore == null;
    }

    @Override
    public String toString() {
        return isPem() ? "TlsSettings[certificate=" + certificate + ", privateKey=" + privateKey + "]"
                : "TlsSettings[keystore=" + keystore + ", keystorePassword=" + (keystorePassword.isEmpty() ? "" : "***")
                        + "]";
    }
}
