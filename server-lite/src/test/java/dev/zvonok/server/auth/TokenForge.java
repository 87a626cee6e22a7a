package dev.zvonok.server.auth;

import static dev.zvonok.server.db.schema.Tables.AUTH_SECRETS;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.jooq.DSLContext;

/**
 * Access tokens made with the server's real key, the way an attacker who got hold of it (or a careless client
 * library) would make them: every claim ours has, one thing wrong. Public for the WebSocket's tests.
 */
public final class TokenForge {

    private final byte[] secret;
    private final long userId;
    private final String login;

    private TokenForge(byte[] secret, long userId, String login) {
        this.secret = secret;
        this.userId = userId;
        this.login = login;
    }

    /** With the secret the server generated and stored in this database. */
    public static TokenForge withStoredKey(DSLContext dsl, long userId, String login) {
        byte[] secret = dsl.select(AUTH_SECRETS.SECRET).from(AUTH_SECRETS)
                .where(AUTH_SECRETS.NAME.eq(Authentication.ACCESS_TOKEN_SECRET)).fetchSingle().value1();
        return new TokenForge(secret, userId, login);
    }

    static TokenForge withKey(String secret, long userId, String login) {
        return new TokenForge(secret.getBytes(StandardCharsets.UTF_8), userId, login);
    }

    /** Everything as the server makes it: proves the forge itself is right. */
    public String genuine() {
        Instant now = Instant.now();
        return claims().withIssuedAt(now).withExpiresAt(now.plusSeconds(600)).sign(Algorithm.HMAC256(secret));
    }

    public String withoutExpiry() {
        return claims().withIssuedAt(Instant.now()).sign(Algorithm.HMAC256(secret));
    }

    public String withoutIssueTime() {
        return claims().withExpiresAt(Instant.now().plusSeconds(600)).sign(Algorithm.HMAC256(secret));
    }

    /** Issued {@code ahead} from now, valid for ten minutes after that. */
    public String issuedIn(Duration ahead) {
        Instant issued = Instant.now().plus(ahead);
        return claims().withIssuedAt(issued).withExpiresAt(issued.plusSeconds(600)).sign(Algorithm.HMAC256(secret));
    }

    /** Signed with the server's key under another HMAC: HS384 or HS512. */
    public String signedWith(String hmac) {
        Instant now = Instant.now();
        Algorithm algorithm = switch (hmac) {
            case "HS384" -> Algorithm.HMAC384(secret);
            case "HS512" -> Algorithm.HMAC512(secret);
            default -> throw new IllegalArgumentException(hmac);
        };
        return claims().withIssuedAt(now).withExpiresAt(now.plusSeconds(600)).sign(algorithm);
    }

    /** Signed by a key pair of the forger's own, announced as RS256. */
    public String signedWithRsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            Instant now = Instant.now();
            return claims().withIssuedAt(now).withExpiresAt(now.plusSeconds(600))
                    .sign(Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No signature at all: {@code "alg": "none"}, the claims of a genuine token. */
    public String unsigned() {
        String[] parts = genuine().split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    private JWTCreator.Builder claims() {
        return JWT.create()
                .withIssuer("zvonok")
                .withSubject(Long.toString(userId))
                .withClaim("login", login)
                .withClaim("name", login)
                .withClaim("role", "operator");
    }
}
