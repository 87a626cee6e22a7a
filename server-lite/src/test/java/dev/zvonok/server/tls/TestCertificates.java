package dev.zvonok.server.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A certificate authority made for one test, and server certificates it signs, written the ways an admin gets them:
 * PEM chain and key (PKCS#8, or the older PKCS#1/SEC1 form), PKCS#12. Public for the desktop app's tests (server-lite's
 * test-jar).
 */
public final class TestCertificates {

    private final Path directory;
    private final KeyPair caKeys;
    private final X509Certificate ca;

    private TestCertificates(Path directory, KeyPair caKeys, X509Certificate ca) {
        this.directory = directory;
        this.caKeys = caKeys;
        this.ca = ca;
    }

    /** A fresh authority, "Zvonok Test CA"; its files go to {@code directory}. */
    public static TestCertificates authority(Path directory) {
        KeyPair keys = ecKeys();
        X500Principal name = new X500Principal("CN=Zvonok Test CA " + System.nanoTime());
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), name,
                    keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new TestCertificates(directory, keys, sign(builder, keys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The authority's certificate as a PEM file: what a client is told to trust. */
    public Path caFile() {
        return writePem("ca.pem", ca);
    }

    public X509Certificate caCertificate() {
        return ca;
    }

    /** An SSL context trusting this authority only. */
    public SSLContext clientContext() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", ca);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server certificate for localhost and 127.0.0.1, signed by this authority. */
    public Issued issue(String name) {
        return issue(name, ecKeys());
    }

    /** The same, with an RSA key. */
    public Issued issueRsa(String name) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return issue(name, generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Issued issue(String name, KeyPair keys) {
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(7))),
                    new X500Principal("CN=" + name), keys.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            return new Issued(name, keys, sign(builder, caKeys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server's key and certificate, and the files they can be written to. */
    public final class Issued {
        private final String name;
        private final KeyPair keys;
        private final X509Certificate certificate;

        private Issued(String name, KeyPair keys, X509Certificate certificate) {
            this.name = name;
            this.keys = keys;
            this.certificate = certificate;
        }

        /** The certificate, then the authority's: a full chain as certbot writes it. */
        public Path chainFile() {
            return writePem(name + "-chain.pem", certificate, ca);
        }

        /** The key in PKCS#8 ({@code BEGIN PRIVATE KEY}), as openssl 3 and certbot write it. */
        public Path keyFile() {
            try {
                return writePem(name + "-key.pem", new JcaPKCS8Generator(keys.getPrivate(), null).generate());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The key in the older form: {@code BEGIN RSA PRIVATE KEY} or {@code BEGIN EC PRIVATE KEY}. */
        public Path traditionalKeyFile() {
            if (!keys.getPrivate().getAlgorithm().equals("EC")) {
                return writePem(name + "-key-traditional.pem", keys.getPrivate());
            }
            // the JDK's EC key keeps its curve outside the SEC1 structure; openssl writes it inside, as here
            try {
                PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
                org.bouncycastle.asn1.sec.ECPrivateKey inner =
                        org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
                byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, inner.getKey(),
                        info.getPrivateKeyAlgorithm().getParameters()).getEncoded();
                return writePem(name + "-key-traditional.pem", new PemObject("EC PRIVATE KEY", sec1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Key and chain in a PKCS#12 file with this password. */
        public Path pkcs12(String password) {
            Path file = directory.resolve(name + ".p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry(name, keys.getPrivate(), password.toCharArray(), new Certificate[] {certificate, ca});
                store.store(out, password.toCharArray());
                return file;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public TlsSettings pemSettings() {
            return TlsSettings.pem(chainFile(), keyFile());
        }
    }

    private Path writePem(String fileName, Object... objects) {
        Path file = directory.resolve(fileName);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
             JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                pem.writeObject(object);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom());
    }
}
