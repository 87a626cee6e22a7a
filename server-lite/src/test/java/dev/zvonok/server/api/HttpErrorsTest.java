package dev.zvonok.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every error answer is the API's JSON, {@code {"code", "message"}} — Jetty's own included, which it makes before
 * any handler runs. Requests are written byte by byte on a plain socket: HTTP clients refuse to send most of them.
 */
class HttpErrorsTest {

    private static final ObjectMapper JSON = Json.mapper();
    private static Javalin server;

    @BeforeAll
    static void start() {
        Routes some = routes -> {
            routes.get("/health", ctx -> ctx.json(Map.of("status", "up")));
            routes.post("/api/echo", ctx -> ctx.result(ctx.body()));
            routes.ws("/ws", ws -> ws.onMessage(ctx -> ctx.send(ctx.message())));
        };
        server = HttpServer.create(JSON, List.of(some)).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aHeaderTooLargeIs431() throws Exception {
        Answer answer = send("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");

        answer.assertJsonError(431, "request-header-fields-too-large");
    }

    @Test
    void aUriJettyCannotReadIs400() throws Exception {
        for (String path : List.of("/%zz", "/api/..%2fhealth", "/health%00", "/%2e%2e/health")) {
            Answer answer = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer.status).as(path).isBetween(400, 404);
            answer.assertJson();
        }
    }

    @Test
    void aUriTooLongIsJsonToo() throws Exception {
        Answer answer = send("GET /api/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer.status).isIn(414, 431);
        answer.assertJson();
    }

    @Test
    void aRequestWithTooManyHeadersOrABadHeaderIsJsonToo() throws Exception {
        send("GET /health HTTP/1.1\r\nHost: localhost\r\nBad Header\u0001: x\r\nConnection: close\r\n\r\n")
                .assertJsonError(400, "bad-request");
    }

    @Test
    void aRequestLineThatIsNoHttpIs400() throws Exception {
        send("HELLO\r\n\r\n").assertJsonError(400, "bad-request");
    }

    @Test
    void noSuchPathIs404AndAWrongMethodIs405() throws Exception {
        send("GET /nothing HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .assertJsonError(404, "not-found");
        Answer wrongMethod = send("DELETE /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        wrongMethod.assertJsonError(405, "method-not-allowed");
        assertThat(wrongMethod.head.toLowerCase()).contains("allow:");
    }

    @Test
    void aBrokenWebSocketUpgradeIsJsonToo() throws Exception {
        Answer answer = send("GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n");
        assertThat(answer.status).isBetween(400, 499);
        answer.assertJson();
    }

    @Test
    void aBodyTooLargeIs413() throws Exception {
        String body = "x".repeat(2 * 1024 * 1024);
        send("POST /api/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body).assertJsonError(413, "content-too-large");
    }

    private static Answer send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException answeredBeforeTheEnd) {
                // the server may answer (and close) before a large request is written: its answer is what counts
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            try {
                for (int b; !complete(read.toString(StandardCharsets.UTF_8)) && (b = in.read()) >= 0; ) {
                    read.write(b);
                }
            } catch (IOException reset) {
                // closed after the answer
            }
            return new Answer(read.toString(StandardCharsets.UTF_8));
        }
    }

    /** The head and as much body as it announces (or the last chunk) have arrived. */
    private static boolean complete(String raw) {
        int split = raw.indexOf("\r\n\r\n");
        if (split < 0) {
            return false;
        }
        String head = raw.substring(0, split).toLowerCase();
        if (head.contains("transfer-encoding: chunked")) {
            return raw.endsWith("\r\n0\r\n\r\n");
        }
        for (String line : head.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                int length = Integer.parseInt(line.substring(15).trim());
                return raw.getBytes(StandardCharsets.UTF_8).length - split - 4 >= length;
            }
        }
        return false;
    }

    private static final class Answer {
        final int status;
        final String head;
        final String body;

        Answer(String raw) {
            int split = raw.indexOf("\r\n\r\n");
            this.head = split < 0 ? raw : raw.substring(0, split);
            String rest = split < 0 ? "" : raw.substring(split + 4);
            this.body = head.toLowerCase().contains("transfer-encoding: chunked") ? unchunk(rest) : rest;
            this.status = raw.startsWith("HTTP/1.1 ") ? Integer.parseInt(raw.substring(9, 12)) : -1;
        }

        JsonNode assertJson() throws IOException {
            assertThat(head.toLowerCase()).as(head + "\n\n" + body).contains("content-type: application/json");
            JsonNode json = JSON.readTree(body);
            assertThat(json.path("code").isTextual()).as(head + "\n\n" + body).isTrue();
            assertThat(json.path("message").isTextual()).as(head + "\n\n" + body).isTrue();
            return json;
        }

        void assertJsonError(int expectedStatus, String code) throws IOException {
            assertThat(status).as(head).isEqualTo(expectedStatus);
            assertThat(assertJson().path("code").asText()).isEqualTo(code);
        }

        private static String unchunk(String chunked) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int end = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, end).trim(), 16);
                if (size == 0) {
                    break;
                }
                out.append(chunked, end + 2, end + 2 + size);
                at = end + 2 + size + 2;
            }
            return out.toString();
        }
    }
}
