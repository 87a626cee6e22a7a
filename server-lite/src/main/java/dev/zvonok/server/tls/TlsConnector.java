package dev.zvonok.server.tls;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The one port of a server with a certificate: HTTPS and WSS only. Plain HTTP on that port is not answered at all
 * (the TLS handshake fails and the connection closes): a redirect would come after the client had already sent its
 * password or token in clear.
 */
public final class TlsConnector {

    private TlsConnector() {
    }

    public static ServerConnector create(Server server, HttpConfiguration plain, ServerIdentity identity, String host,
                                         int port) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(identity.keyStore());
        tls.setKeyStorePassword(identity.password());
        tls.setKeyManagerPassword(identity.password());
        HttpConfiguration https = new HttpConfiguration(plain);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // one certificate, nothing to choose between; clients check its name themselves. Jetty's check would refuse
        // a client that came by an address the certificate does not name, before it could say anything useful
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
