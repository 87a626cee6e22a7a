package dev.zvonok.app.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Whom the app believes a server's certificate from: the authorities the system trusts (the Java runtime's store,
 * which on Debian and Ubuntu is made from the system's) and, when Settings name one, the call centre's own authority
 * in a PEM file: a certificate from the company's CA or a self-signed one works without touching the system.
 * Host names are checked as usual, by the HTTP and WebSocket clients.
 */
public final class ServerTrust {

    private final SSLContext context;
    private final List<X509Certificate> extra;

    private ServerTrust(SSLContext context, List<X509Certificate> extra) {
        this.context = context;
        this.extra = extra;
    }

    /** The system's authorities only. */
    public static ServerTrust system() {
        try {
            return new ServerTrust(SSLContext.getDefault(), List.of());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime has no TLS", e);
        }
    }

    /**
     * The system's authorities and those in {@code caFile} (PEM, one or more certificates).
     *
     * @throws IOException when the file cannot be read or holds no certificate
     */
    public static ServerTrust withExtraAuthorities(Path caFile) throws IOException {
        List<X509Certificate> extra = readCertificates(caFile);
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int n = 0;
            for (X509Certificate system : systemAuthorities()) {
                anchors.setCertificateEntry("system-" + n++, system);
            }
            for (X509Certificate own : extra) {
                anchors.setCertificateEntry("extra-" + n++, own);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return new ServerTrust(context, List.copyOf(extra));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS with " + caFile + ": " + e, e);
        }
    }

    /** {@link #withExtraAuthorities} when a file is named, else {@link #system()}. */
    public static ServerTrust of(Optional<Path> caFile) throws IOException {
        return caFile.isPresent() ? withExtraAuthorities(caFile.get()) : system();
    }

    /** For the HTTP client and the WebSocket's TLS. */
    public SSLContext sslContext() {
        return context;
    }

    /** The authorities added to the system's. */
    public List<X509Certificate> extraAuthorities() {
        return extra;
    }

    /**
     * Whether a failure is the server's certificate not being believed (unknown authority, expired, or another name
     * than the address): the operator is told so, not that the server is down.
     */
    public static boolean isUntrusted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLHandshakeException) {
                for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
                    if (inner instanceof CertificateException) {
                        return true;
                    }
                }
                // the JDK says "PKIX path building failed" without a cause on some paths
                String message = String.valueOf(cause.getMessage());
                return message.contains("PKIX") || message.contains("certificate");
            }
        }
        return false;
    }

    private static List<X509Certificate> readCertificates(Path file) throws IOException {
        Collection<? extends Certificate> read;
        try (InputStream in = Files.newInputStream(file)) {
            read = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (CertificateException e) {
            throw new IOException(file + " holds no PEM certificate: " + e.getMessage(), e);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate certificate : read) {
            if (certificate instanceof X509Certificate x509) {
                certificates.add(x509);
            }
        }
        if (certificates.isEmpty()) {
            throw new IOException(file + " holds no certificate");
        }
        return certificates;
    }

    private static List<X509Certificate> systemAuthorities() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return List.of(x509.getAcceptedIssuers());
            }
        }
        return List.of();
    }
}
