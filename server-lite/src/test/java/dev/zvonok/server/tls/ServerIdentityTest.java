package dev.zvonok.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the server's certificate: what admins have on disk is served, every mistake is named before start. */
class ServerIdentityTest {

    @TempDir
    Path dir;

    @Test
    void pemChainWithAPkcs8KeyIsServed() throws Exception {
        TestCertificates ca = TestCertificates.authority(dir);
        TestCertificates.Issued server = ca.issue("crm");

        ServerIdentity identity = ServerIdentity.load(TlsSettings.pem(server.chainFile(), server.keyFile()));

        assertThat(identity.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=crm");
        assertThat(identity.validityProblem(Instant.now())).isEmpty();
        String alias = identity.keyStore().aliases().nextElement();
        assertThat(identity.keyStore().getCertificateChain(alias)).as("the chain, intermediates included").hasSize(2);
        assertThat(identity.keyStore().getKey(alias, identity.password().toCharArray())).isInstanceOf(PrivateKey.class);
        assertThat(identity.toString()).doesNotContain(identity.password());
    }

    @Test
    void olderPkcs1AndSec1KeysAreReadToo() throws Exception {
        TestCertificates ca = TestCertificates.authority(dir);
        TestCertificates.Issued rsa = ca.issueRsa("rsa");
        TestCertificates.Issued ec = ca.issue("ec");
        assertThat(Files.readString(rsa.traditionalKeyFile())).contains("BEGIN RSA PRIVATE KEY");
        assertThat(Files.readString(ec.traditionalKeyFile())).contains("BEGIN EC PRIVATE KEY");

        assertThat(ServerIdentity.load(TlsSettings.pem(rsa.chainFile(), rsa.traditionalKeyFile())).certificate()
                .getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(ServerIdentity.load(TlsSettings.pem(ec.chainFile(), ec.traditionalKeyFile())).certificate()
                .getPublicKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void aPkcs12KeystoreIsServed() throws Exception {
        TestCertificates.Issued server = TestCertificates.authority(dir).issue("crm");

        ServerIdentity identity = ServerIdentity.load(TlsSettings.pkcs12(server.pkcs12("s3cret"), "s3cret"));

        assertThat(identity.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=crm");
        assertThat(identity.keyStore().getType()).isEqualToIgnoringCase("PKCS12");
        KeyStore store = identity.keyStore();
        assertThat(store.getKey(store.aliases().nextElement(), "s3cret".toCharArray())).isNotNull();
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefusedNamingTheSetting() {
        TestCertificates ca = TestCertificates.authority(dir);
        TestCertificates.Issued one = ca.issue("one");
        TestCertificates.Issued other = ca.issue("other");

        assertThatThrownBy(() -> ServerIdentity.load(TlsSettings.pem(one.chainFile(), other.keyFile())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zvonok.http.tls.private-key").hasMessageContaining("is not the key of")
                .hasMessageContaining("CN=one");
    }

    @Test
    void missingFilesAreNamed() {
        TestCertificates.Issued server = TestCertificates.authority(dir).issue("crm");

        assertThatThrownBy(() -> ServerIdentity.load(TlsSettings.pem(dir.resolve("nope.pem"), server.keyFile())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zvonok.http.tls.certificate").hasMessageContaining("nope.pem");
        assertThatThrownBy(() -> ServerIdentity.load(TlsSettings.pem(server.chainFile(), dir.resolve("nokey.pem"))))
                .hasMessageContaining("zvonok.http.tls.private-key").hasMessageContaining("nokey.pem");
        assertThatThrownBy(() -> ServerIdentity.load(TlsSettings.pkcs12(dir.resolve("none.p12"), "x")))
                .hasMessageContaining("zvonok.http.tls.keystore").hasMessageContaining("none.p12");
    }

    @Test
    void filesWithoutWhatTheSettingNeedsAreNamed() throws Exception {
        TestCertificates.Issued server = TestCertificates.authority(dir).issue("crm");
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a certificate\n");

        assertThatThrownBy(() -> ServerIdentity.load(TlsSettings.pem(text, server.keyFile())))
                .hasMessageContaining("zvonok.http.tls.certificate").hasMessageContaining("no PEM certificate");
        assertThatThrownBy(() -> ServerIdentity.load(TlsSettings.pem(server.chainFile(), server.chainFile())))
                .hasMessageContaining("zvonok.http.tls.private-key").hasMessageContaining("no PEM private key");
    }

    @Test
    void aWrongKeystorePasswordIsNamed() {
        Path keystore = TestCertificates.authority(dir).issue("crm").pkcs12("right");

        assertThatThrownBy(() -> ServerIdentity.load(TlsSettings.pkcs12(keystore, "wrong")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zvonok.http.tls.keystore-password");
    }

    @Test
    void halfAConfigurationIsRefused() {
        assertThatThrownBy(() -> new TlsSettings(dir.resolve("cert.pem"), null, null, ""))
                .hasMessageContaining("zvonok.http.tls.private-key");
        assertThatThrownBy(() -> new TlsSettings(dir.resolve("c.pem"), dir.resolve("k.pem"), dir.resolve("s.p12"), ""))
                .hasMessageContaining("not both");
    }

    @Test
    void theKeystorePasswordIsNeverShown() {
        assertThat(TlsSettings.pkcs12(dir.resolve("s.p12"), "pw-Zq99").toString()).doesNotContain("pw-Zq99")
                .contains("s.p12");
    }
}
