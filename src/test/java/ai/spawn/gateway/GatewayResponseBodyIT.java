package ai.spawn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.spawn.sandbox.SandboxEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Response bodies on their way from an app to a client: whole, in order, with the app's connection reused after
 * them, with the app held back while the client does not read, and with framing errors and bytes the app sends
 * beyond a response caught rather than passed on.
 */
@SpringBootTest(classes = GatewayTestConfig.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spawnai.test.gateway-only=true", "spawnai.gateway.port=0", "spawnai.gateway.bind=127.0.0.1"})
class GatewayResponseBodyIT {

    private static final String CHUNKED_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n";
    /** A chunked body with an extension and a trailer. */
    private static final String BODY = "5;note=\"first\"\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: 11\r\n\r\n";
    private static final int LONG = 300_000;

    @Autowired
    private GatewayServer gateway;
    @Autowired
    private MapRouteResolver routes;

    private ScriptedUpstream app;

    @AfterEach
    void stopApp() throws IOException {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aLongBodyOfKnownLengthArrivesWholeAndTheAppsConnectionIsReused() throws IOException {
        byte[] body = new byte[LONG];
        for (int i = 0; i < LONG; i++) {
            body[i] = (byte) (i * 31 + 7);
        }
        route("long", (socket, upstream) -> {
            while (ScriptedUpstream.readHead(socket.getInputStream()) != null) {
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + LONG + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
            }
        });
        try (RawHttp raw = new RawHttp(gateway.port())) {
            for (int i = 0; i < 2; i++) {
                RawHttp.Response response = raw.send(get("long", "/")).read();
                assertThat(response.headers()).containsEntry("content-length", String.valueOf(LONG));
                assertThat(response.body()).isEqualTo(body);
            }
        }
        assertThat(app.accepted()).isEqualTo(1);
    }

    @Test
    void aMalformedChunkEndsTheClientsConnectionAfterWhatWasRelayedAndTheAppsOne() throws IOException {
        route("malformed", (socket, upstream) -> {
            ScriptedUpstream.readHead(socket.getInputStream());
            write(socket, CHUNKED_HEAD + "zz\r\nhello\r\n0\r\n\r\n");
            upstream.awaitPeerClose(socket);
        });
        try (RawHttp raw = new RawHttp(gateway.port())) {
            raw.send(get("malformed", "/"));
            assertThat(raw.readHead()).startsWith("HTTP/1.1 200");
            assertThat(raw.closedByServer()).isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> app.closedByGateway() == 1);
    }

    @Test
    void bytesBeyondTheBodyAreNotPassedOnAndTheAppsConnectionIsNotReused() throws IOException {
        route("extra", (socket, upstream) -> {
            while (ScriptedUpstream.readHead(socket.getInputStream()) != null) {
                write(socket, CHUNKED_HEAD + BODY + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nsneak");
            }
        });
        try (RawHttp raw = new RawHttp(gateway.port())) {
            for (int i = 0; i < 2; i++) {
                RawHttp.Response response = raw.send(get("extra", "/")).read();
                assertThat(response.text()).isEqualTo("hello world");
            }
        }
        assertThat(app.accepted()).isEqualTo(2);
    }

    @Test
    void pipelinedRequestsGetTheirChunkedAnswersInOrder() throws IOException {
        route("pipelined", (socket, upstream) -> {
            for (String head; (head = ScriptedUpstream.readHead(socket.getInputStream())) != null; ) {
                String path = head.substring(4, head.indexOf(' ', 4));
                write(socket, CHUNKED_HEAD + Integer.toHexString(path.length()) + "\r\n" + path + "\r\n0\r\n\r\n");
            }
        });
        try (RawHttp raw = new RawHttp(gateway.port())) {
            raw.send(get("pipelined", "/one") + get("pipelined", "/two") + get("pipelined", "/three"));
            assertThat(raw.read().text()).isEqualTo("/one");
            assertThat(raw.read().text()).isEqualTo("/two");
            assertThat(raw.read().text()).isEqualTo("/three");
        }
        assertThat(app.accepted()).isEqualTo(1);
    }

    @Test
    void aClientThatStopsReadingStopsTheAppsWrites() throws Exception {
        int chunk = 64 * 1024;
        int chunks = 1024; // 64 MiB
        AtomicLong written = new AtomicLong();
        route("flood", (socket, upstream) -> {
            ScriptedUpstream.readHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write(CHUNKED_HEAD.getBytes(StandardCharsets.ISO_8859_1));
            byte[] data = new byte[chunk];
            for (int i = 0; i < chunks; i++) {
                out.write((Integer.toHexString(chunk) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(data);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                written.addAndGet(chunk);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            upstream.awaitPeerClose(socket);
        });
        try (RawHttp raw = new RawHttp(gateway.port())) {
            raw.send(get("flood", "/"));
            long before;
            do { // until the app's writes stall: socket buffers full on every hop, the gateway no longer reading
                before = written.get();
                Thread.sleep(300);
            } while (written.get() != before);
            assertThat(written.get()).isLessThan(chunk * (long) chunks / 2);

            assertThat(raw.read().body()).hasSize(chunk * chunks);
        }
    }

    private void route(String appId, ScriptedUpstream.Script script) throws IOException {
        app = new ScriptedUpstream(script);
        routes.live(appId, 3000, new SandboxEndpoint.Tcp("127.0.0.1", app.port()));
    }

    private static String host(String appId) {
        return "3000-" + appId + ".localhost";
    }

    private static String get(String appId, String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host(appId) + "\r\n\r\n";
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
