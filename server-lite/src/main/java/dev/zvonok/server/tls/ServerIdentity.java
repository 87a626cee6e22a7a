package dev.zvonok.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The server's key and certificate chain, read and checked: a keystore Jetty can serve from. Every problem a
 * configuration can have (a file missing or unreadable, no key in it, a wrong password, a key that is not the
 * certificate's) is an {@link IllegalArgumentException} naming the setting, so the server refuses to start with a
 * sentence the admin can act on rather than a handshake failure later.
 *
 * @param keyStore    one key entry with its chain
 * @param password    the keystore's and its key's password (generated for PEM files, which have none)
 * @param certificate the server's own certificate, for the log
 */
public record ServerIdentity(KeyStore keyStore, String password, X509Certificate certificate) {

    private static final String ALIAS = "server";

    public ServerIdentity {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(certificate, "certificate");
    }

    public static ServerIdentity load(TlsSettings settings) {
        return settings.isPem() ? fromPem(settings.certificate(), settings.privateKey())
                : fromPkcs12(settings.keystore(), settings.keystorePassword());
    }

    /** Whether the certificate is valid at {@code now}, said as a problem; empty when it is. */
    public String validityProblem(Instant now) {
        try {
            certificate.checkValidity(java.util.Date.from(now));
            return "";
        } catch (CertificateExpiredException e) {
            return "the certificate expired on " + certificate.getNotAfter().toInstant();
        } catch (CertificateNotYetValidException e) {
            return "the certificate is not valid before " + certificate.getNotBefore().toInstant();
        }
    }

    /** Who the certificate says the server is, and until when: for the log. */
    public String describe() {
        return certificate.getSubjectX500Principal().getName() + ", valid until "
                + certificate.getNotAfter().toInstant();
    }

    @Override
    public String toString() {
        return "ServerIdentity[" + describe() + "]";
    }

    // ------------------------------------------------------------------------------------------------------ PEM

    private static ServerIdentity fromPem(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = readCertificates(certificateFile);
        PrivateKey key = readPrivateKey(keyFile);
        if (!belongTogether(key, chain.getFirst())) {
            throw new IllegalArgumentException(TlsSettings.PRIVATE_KEY + " (" + keyFile + ") is not the key of the "
                    + "first certificate in " + TlsSettings.CERTIFICATE + " (" + certificateFile + ", "
                    + chain.getFirst().getSubjectX500Principal().getName() + "); the server's own certificate must "
                    + "come first, then its intermediates");
        }
        String password = randomPassword();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password.toCharArray(), chain.toArray(Certificate[]::new));
            return new ServerIdentity(store, password, chain.getFirst());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot hold the server's key in memory: " + e, e);
        }
    }

    private static List<X509Certificate> readCertificates(Path file) {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object item : pemObjects(file, TlsSettings.CERTIFICATE)) {
            if (item instanceof X509CertificateHolder holder) {
                try {
                    chain.add(converter.getCertificate(holder));
                } catch (java.security.cert.CertificateException e) {
                    throw new IllegalArgumentException(TlsSettings.CERTIFICATE + ": " + file
                            + " holds a certificate that cannot be read: " + e.getMessage(), e);
                }
            }
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException(TlsSettings.CERTIFICATE + ": " + file
                    + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    private static PrivateKey readPrivateKey(Path file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        PrivateKey found = null;
        for (Object item : pemObjects(file, TlsSettings.PRIVATE_KEY)) {
            try {
                PrivateKey key = switch (item) {
                    case PrivateKeyInfo pkcs8 -> converter.getPrivateKey(pkcs8);
                    case PEMKeyPair pkcs1OrSec1 -> converter.getPrivateKey(pkcs1OrSec1.getPrivateKeyInfo());
                    case PEMEncryptedKeyPair encrypted -> throw encrypted(file);
                    case PKCS8EncryptedPrivateKeyInfo encrypted -> throw encrypted(file);
                    default -> null;
                };
                if (key != null && found != null) {
                    throw new IllegalArgumentException(TlsSettings.PRIVATE_KEY + ": " + file
                            + " holds more than one private key; keep the server's only");
                }
                found = key == null ? found : key;
            } catch (org.bouncycastle.openssl.PEMException e) {
                throw new IllegalArgumentException(TlsSettings.PRIVATE_KEY + ": " + file
                        + " holds a private key that cannot be read: " + e.getMessage(), e);
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(TlsSettings.PRIVATE_KEY + ": " + file
                    + " holds no PEM private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA/EC PRIVATE KEY-----)");
        }
        return found;
    }

    private static IllegalArgumentException encrypted(Path file) {
        return new IllegalArgumentException(TlsSettings.PRIVATE_KEY + ": " + file + " is encrypted; give the "
                + "server an unencrypted copy readable only by its user (openssl pkey -in key.pem -out server-key.pem),"
                + " or use " + TlsSettings.KEYSTORE + " with " + TlsSettings.KEYSTORE_PASSWORD);
    }

    private static List<Object> pemObjects(Path file, String setting) {
        List<Object> items = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                items.add(item);
            }
            return items;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(setting + ": there is no file " + file, e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(setting + ": " + file + " cannot be read by this user", e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(setting + ": cannot read " + file + " as PEM (" + e.getMessage() + ")",
                    e);
        }
    }

    /** Signs with the key and verifies with the certificate: whatever the algorithm, only a pair passes. */
    private static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            default -> throw new IllegalArgumentException(TlsSettings.PRIVATE_KEY + ": a " + key.getAlgorithm()
                    + " key is not supported; use RSA, EC or Ed25519");
        };
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a key of one kind, a certificate of another
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    // -------------------------------------------------------------------------------------------------- PKCS#12

    private static ServerIdentity fromPkcs12(Path file, String password) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(TlsSettings.KEYSTORE + ": there is no file " + file, e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(TlsSettings.KEYSTORE + ": " + file + " cannot be read by this user", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException(TlsSettings.KEYSTORE_PASSWORD + " is not the password of "
                        + TlsSettings.KEYSTORE + " (" + file + ")", e);
            }
            throw new IllegalArgumentException(TlsSettings.KEYSTORE + ": cannot read " + file + " as PKCS#12 ("
                    + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(TlsSettings.KEYSTORE + ": cannot read " + file + " as PKCS#12 ("
                    + e.getMessage() + ")", e);
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password.toCharArray());
                Certificate[] chain = store.getCertificateChain(alias);
                if (key instanceof PrivateKey && chain != null && chain.length > 0
                        && chain[0] instanceof X509Certificate own) {
                    return new ServerIdentity(store, password, own);
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw new IllegalArgumentException(TlsSettings.KEYSTORE_PASSWORD + " opens " + TlsSettings.KEYSTORE + " ("
                    + file + ") but not the key in it: the key must have the same password", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(TlsSettings.KEYSTORE + ": cannot read " + file + " (" + e.getMessage()
                    + ")", e);
        }
        throw new IllegalArgumentException(TlsSettings.KEYSTORE + ": " + file
                + " holds no private key with its certificate");
    }
}
