package ai.spawn.egress;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The proxy against fake upstreams on loopback, spoken to byte by byte over its unix socket. */
class EgressProxyTest {

    @TempDir
    Path dir;

    private final FakeUpstream upstream = FakeUpstream.start("hi");
    private final FakeDns dns = FakeDns.loopback("allowed.test", "other.test");
    private final RecordingEgressListener listener = new RecordingEgressListener();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        upstream.close();
    }

    private EgressProperties properties() {
        return EgressProperties.defaults().withAllowedHosts(List.of("allowed.test", "ghost.test"))
                .withPorts(Set.of(upstream.port()), Set.of(upstream.port())).allowingPrivateAddresses();
    }

    private EgressSocket open(EgressProperties properties) throws Exception {
        EgressProxy proxy = new EgressProxy(properties, dns, listener);
        closeables.add(proxy);
        return proxy.listen("sbx-test", dir.resolve("proxy.sock"));
    }

    private UnixHttp client(EgressSocket socket) {
        UnixHttp client = new UnixHttp(socket.path());
        closeables.add(client);
        return client;
    }

    @Test
    void tunnelsToAnAllowedHost() throws Exception {
        EgressSocket socket = open(properties());
        UnixHttp client = client(socket);

        String established = client.send("CONNECT allowed.test:" + upstream.port() + " HTTP/1.1\r\nHost: x\r\n\r\n")
                .readUntil("\r\n\r\n");
        String answer = client.send("GET /inside HTTP/1.1\r\nHost: allowed.test\r\n\r\n").readUntil("hi");

        assertThat(established).isEqualTo("HTTP/1.1 200 Connection Established\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200 OK").endsWith("\r\n\r\nhi");
        assertThat(upstream.requestHeads()).containsExactly("GET /inside HTTP/1.1\r\nHost: allowed.test");
        assertThat(listener.connections()).containsExactly("sbx-test allowed.test:" + upstream.port());
    }

    @Test
    void forwardsPlainHttpInOriginFormWithConnectionClose() throws Exception {
        EgressSocket socket = open(properties());

        String answer = client(socket).send("GET http://Allowed.Test:" + upstream.port() + "/a?b=1 HTTP/1.1\r\n"
                + "Host: elsewhere.example\r\nProxy-Connection: keep-alive\r\nConnection: keep-alive, X-Hop\r\n"
                + "X-Hop: 1\r\nX-Kept: 2\r\n\r\n").readToEnd();

        assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\nConnection: close\r\n")
                .doesNotContainIgnoringCase("keep-alive").endsWith("\r\n\r\nhi");
        assertThat(upstream.requestHeads()).singleElement().satisfies(head -> assertThat(head)
                .startsWith("GET /a?b=1 HTTP/1.1\r\n")
                .contains("X-Kept: 2", "Host: allowed.test:" + upstream.port(), "Connection: close")
                .doesNotContain("elsewhere", "X-Hop", "Proxy-Connection", "keep-alive"));
    }

    @Test
    void forwardsAPlainHttpBodyOfItsContentLength() throws Exception {
        EgressSocket socket = open(properties());

        String answer = client(socket).send("POST http://allowed.test:" + upstream.port() + "/p HTTP/1.1\r\n"
                + "Content-Length: 5\r\n\r\nhello").readToEnd();

        assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").endsWith("hi");
    }

    @Test
    void refusesPipelinedPlainHttpRequestsWithoutConnecting() throws Exception {
        EgressSocket socket = open(properties());
        String first = "GET http://allowed.test:" + upstream.port() + "/a HTTP/1.1\r\nHost: allowed.test\r\n";

        String pipelined = client(socket).send(first + "\r\nGET http://other.test/b HTTP/1.1\r\nHost: other.test"
                + "\r\n\r\n").readToEnd();
        String pastTheBody = client(socket).send(first + "Content-Length: 2\r\n\r\nokGET /c HTTP/1.1\r\n\r\n")
                .readToEnd();

        assertThat(pipelined).startsWith("HTTP/1.1 400").contains("one request per connection");
        assertThat(pastTheBody).startsWith("HTTP/1.1 400");
        assertThat(upstream.connections()).isZero();
    }

    @Test
    void refusesPlainHttpBodiesWithoutOneClearLength() throws Exception {
        EgressSocket socket = open(properties());
        String head = "POST http://allowed.test:" + upstream.port() + "/p HTTP/1.1\r\n";

        String chunked = client(socket).send(head + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n").readToEnd();
        String twoLengths = client(socket).send(head + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nab")
                .readToEnd();
        String badLength = client(socket).send(head + "Content-Length: -1\r\n\r\n").readToEnd();

        assertThat(chunked).startsWith("HTTP/1.1 411");
        assertThat(twoLengths).startsWith("HTTP/1.1 400");
        assertThat(badLength).startsWith("HTTP/1.1 400");
        assertThat(upstream.connections()).isZero();
    }

    @Test
    void refusesATunnelToAHostNotAllowedWithoutResolvingOrConnecting() throws Exception {
        EgressSocket socket = open(properties());

        String answer = client(socket).send("CONNECT other.test:" + upstream.port() + " HTTP/1.1\r\n\r\n")
                .readToEnd();

        assertThat(answer).startsWith("HTTP/1.1 403 Forbidden\r\n").contains("other.test:" + upstream.port());
        assertThat(dns.asked()).isEmpty();
        assertThat(upstream.connections()).isZero();
        assertThat(listener.refusals()).containsExactly(new RecordingEgressListener.Refusal("sbx-test",
                "other.test", upstream.port(), "host not allowed"));
    }

    @Test
    void refusesPlainHttpToAHostNotAllowed() throws Exception {
        EgressSocket socket = open(properties());

        String answer = client(socket).send("GET http://other.test:" + upstream.port() + "/ HTTP/1.1\r\n\r\n")
                .readToEnd();

        assertThat(answer).startsWith("HTTP/1.1 403 Forbidden\r\n");
        assertThat(upstream.connections()).isZero();
        assertThat(listener.refusals()).extracting(RecordingEgressListener.Refusal::host).containsExactly("other.test");
    }

    @Test
    void refusesAnAddressLiteralAndAPortNotAllowed() throws Exception {
        EgressSocket socket = open(properties());

        String literal = client(socket).send("CONNECT 127.0.0.1:" + upstream.port() + " HTTP/1.1\r\n\r\n")
                .readToEnd();
        String port = client(socket).send("CONNECT allowed.test:22 HTTP/1.1\r\n\r\n").readToEnd();

        assertThat(literal).startsWith("HTTP/1.1 403");
        assertThat(port).startsWith("HTTP/1.1 403");
        assertThat(upstream.connections()).isZero();
        assertThat(listener.refusals()).extracting(RecordingEgressListener.Refusal::reason)
                .containsExactly("host not allowed", "port 22 not allowed for tunnels");
    }

    @Test
    void refusesAnAllowedNameThatResolvesToLoopbackUnlessPrivateAddressesAreAllowed() throws Exception {
        EgressProperties strict = EgressProperties.defaults().withAllowedHosts(List.of("allowed.test"))
                .withPorts(Set.of(upstream.port()), Set.of(upstream.port()));
        EgressSocket socket = open(strict);

        String answer = client(socket).send("CONNECT allowed.test:" + upstream.port() + " HTTP/1.1\r\n\r\n")
                .readToEnd();

        assertThat(answer).startsWith("HTTP/1.1 403");
        assertThat(upstream.connections()).isZero();
        assertThat(listener.refusals()).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("resolves only to non-public addresses"));
    }

    @Test
    void answersBadRequestToWhatIsNoProxyRequest() throws Exception {
        EgressSocket socket = open(properties());

        String originForm = client(socket).send("GET / HTTP/1.1\r\nHost: allowed.test\r\n\r\n").readToEnd();
        String garbage = client(socket).send("\u0016\u0003\u0001 hello\r\n\r\n").readToEnd();
        String badTarget = client(socket).send("CONNECT allowed.test HTTP/1.1\r\n\r\n").readToEnd();

        assertThat(originForm).startsWith("HTTP/1.1 400");
        assertThat(garbage).startsWith("HTTP/1.1 400");
        assertThat(badTarget).startsWith("HTTP/1.1 400");
        assertThat(upstream.connections()).isZero();
        assertThat(listener.refusals()).isEmpty();
    }

    @Test
    void answersBadGatewayWhenAnAllowedNameDoesNotResolve() throws Exception {
        EgressSocket socket = open(properties());

        String answer = client(socket).send("CONNECT ghost.test:" + upstream.port() + " HTTP/1.1\r\n\r\n")
                .readToEnd();

        assertThat(answer).startsWith("HTTP/1.1 502");
    }

    @Test
    void limitsTheConnectionsOfOneSandbox() throws Exception {
        EgressProperties one = new EgressProperties(true, List.of("allowed.test"), Set.of(upstream.port()),
                Set.of(), true, Duration.ofSeconds(5), Duration.ofSeconds(60), 1, 10);
        EgressSocket socket = open(one);
        client(socket).send("CONNECT allowed.test:" + upstream.port() + " HTTP/1.1\r\n\r\n").readUntil("\r\n\r\n");
        await().until(() -> socket.activeConnections() == 1);

        String second = client(socket).readToEnd();

        assertThat(second).startsWith("HTTP/1.1 503");
    }

    @Test
    void closingTheSocketClosesItsConnectionsAndRemovesTheFile() throws Exception {
        EgressSocket socket = open(properties());
        UnixHttp tunnel = client(socket);
        tunnel.send("CONNECT allowed.test:" + upstream.port() + " HTTP/1.1\r\n\r\n").readUntil("\r\n\r\n");

        socket.close();

        assertThat(tunnel.readToEnd()).isEmpty();
        assertThat(Files.exists(socket.path())).isFalse();
        assertThat(socket.activeConnections()).isZero();
    }

    @Test
    void closesIdleConnections() throws Exception {
        EgressProperties quick = new EgressProperties(true, List.of("allowed.test"), Set.of(upstream.port()),
                Set.of(), true, Duration.ofSeconds(5), Duration.ofMillis(300), 4, 10);
        EgressSocket socket = open(quick);
        UnixHttp tunnel = client(socket);
        tunnel.send("CONNECT allowed.test:" + upstream.port() + " HTTP/1.1\r\n\r\n").readUntil("\r\n\r\n");

        assertThat(tunnel.readToEnd()).isEmpty();
        await().until(() -> socket.activeConnections() == 0);
    }

    @Test
    void aFailingListenerDoesNotBreakTheRefusal() throws Exception {
        EgressProxy proxy = new EgressProxy(properties(), dns, (sandbox, host, port, reason) -> {
            throw new IllegalStateException("listener down");
        });
        closeables.add(proxy);
        EgressSocket socket = proxy.listen("sbx-test", dir.resolve("other.sock"));

        String answer = client(socket).send("CONNECT other.test:443 HTTP/1.1\r\n\r\n").readToEnd();

        assertThat(answer).startsWith("HTTP/1.1 403");
    }
}
