package ai.spawn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.spawn.gateway.RawHttp;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-address connection cap on a bare embedded Tomcat with the capped protocol and a servlet answering
 * "ok": over the cap a connection is closed at accept, other addresses get in, and a closed connection stops
 * counting. A second client address is 127.0.0.2 (all of 127/8 is local on Linux).
 */
class CappedHttp11NioProtocolTest {

    private static final String GET = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n";
    private static final Duration SLACK = Duration.ofSeconds(10);

    private final List<RawHttp> clients = new ArrayList<>();
    private Tomcat tomcat;
    private CappedHttp11NioProtocol protocol;
    private int port;

    @BeforeEach
    void start() throws IOException, LifecycleException {
        Path base = Files.createTempDirectory("capped-tomcat");
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector(CappedHttp11NioProtocol.class.getName());
        connector.setPort(0);
        protocol = (CappedHttp11NioProtocol) connector.getProtocolHandler();
        protocol.setMaxConnectionsPerClient(4);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.toString());
        Tomcat.addServlet(context, "ok", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/plain");
                response.getWriter().write("ok");
            }
        });
        context.addServletMappingDecoded("/*", "ok");
        tomcat.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws IOException, LifecycleException {
        for (RawHttp client : clients) {
            client.close();
        }
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void aClientOverItsCapIsClosedAtAcceptWhileAnotherAddressGetsIn() throws IOException {
        for (int i = 0; i < 4; i++) {
            assertThat(connect("127.0.0.1").send(GET).read().status()).isEqualTo(200);
        }

        assertThat(connect("127.0.0.1").closedWithin(SLACK)).isTrue();
        assertThat(connect("127.0.0.2").send(GET).read().status()).isEqualTo(200);
        assertThat(clients.get(0).send(GET).read().text()).isEqualTo("ok");
        assertThat(protocol.connections(InetAddress.getByName("127.0.0.1"))).as("refused ones are not counted")
                .isEqualTo(4);
        // Tomcat's own count (max-connections): the 5 open ones plus the one its acceptor counts before accepting
        await().atMost(SLACK).untilAsserted(() -> assertThat(protocol.getConnectionCount())
                .as("the refused connection is counted down once").isEqualTo(5 + 1));
    }

    @Test
    void aClosedConnectionStopsCounting() throws IOException {
        for (int i = 0; i < 4; i++) {
            assertThat(connect("127.0.0.1").send(GET).read().status()).isEqualTo(200);
        }

        clients.get(0).close();

        await().atMost(SLACK).untilAsserted(() ->
                assertThat(connect("127.0.0.1").send(GET).read().status()).isEqualTo(200));
        for (RawHttp client : clients) {
            client.close();
        }
        InetAddress local = InetAddress.getByName("127.0.0.1");
        await().atMost(SLACK).untilAsserted(() -> assertThat(protocol.connections(local)).isZero());
    }

    private RawHttp connect(String clientAddress) throws IOException {
        RawHttp client = new RawHttp(port, clientAddress);
        clients.add(client);
        return client;
    }
}
