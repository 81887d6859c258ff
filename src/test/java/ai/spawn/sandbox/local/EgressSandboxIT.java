package ai.spawn.sandbox.local;

import ai.spawn.egress.EgressProperties;
import ai.spawn.egress.EgressProxy;
import ai.spawn.egress.FakeDns;
import ai.spawn.egress.FakeUpstream;
import ai.spawn.egress.RecordingEgressListener;
import ai.spawn.sandbox.ExecResult;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.security.SecurityEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Install commands reach the network only through the egress proxy, and only allowed hosts: proved on real
 * bubblewrap with curl and node inside, against fake upstreams on the host's loopback that the proxy resolves
 * {@code allowed.test} to. Needs root, curl and node.
 */
class EgressSandboxIT {

    private static final Path DATA_DIR = Path.of("target", "egress-sandbox-it").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static FakeUpstream upstream;
    private static FakeDns dns;
    private static RecordingEgressListener listener;
    private static EgressProxy proxy;
    private static BubblewrapSandboxProvider provider;
    private static final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
    private final List<Sandbox> created = new ArrayList<>();

    @BeforeAll
    static void open() {
        upstream = FakeUpstream.start("hello from upstream");
        dns = FakeDns.loopback("allowed.test", "refused.test");
        listener = new RecordingEgressListener();
        EgressProperties properties = EgressProperties.defaults().withAllowedHosts(List.of("allowed.test"))
                .withPorts(Set.of(upstream.port()), Set.of(upstream.port())).allowingPrivateAddresses();
        proxy = new EgressProxy(properties, dns, listener);
        provider = BubblewrapSandboxProvider.open(DATA_DIR, 10001, events::add,
                new BubblewrapSandboxProvider.Installs(proxy, null));
    }

    @AfterAll
    static void close() {
        provider.close();
        proxy.close();
        upstream.close();
    }

    @AfterEach
    void destroyCreated() {
        created.forEach(Sandbox::destroy);
    }

    private Sandbox create() {
        Sandbox sandbox = provider.create(new SandboxSpec("egress-test", "node", SandboxLimits.defaults(), Map.of()));
        created.add(sandbox);
        return sandbox;
    }

    private static String run(Sandbox sandbox, String command) {
        ExecResult result = sandbox.exec(command, TIMEOUT, line -> { });
        return String.join("\n", result.lastLines()) + "\nexit=" + result.exitCode();
    }

    @Test
    void anInstallReachesAnAllowedHostByPlainHttpAndThroughATunnel() {
        Sandbox sandbox = create();

        String plain = run(sandbox, "curl -sS http://allowed.test:" + upstream.port() + "/plain?x=1");
        String tunnelled = run(sandbox, "curl -sS --proxytunnel http://allowed.test:" + upstream.port() + "/tunnel");

        assertThat(plain).isEqualTo("hello from upstream\nexit=0");
        assertThat(tunnelled).isEqualTo("hello from upstream\nexit=0");
        assertThat(upstream.requestHeads()).anySatisfy(h -> assertThat(h).startsWith("GET /plain?x=1 HTTP/1.1")
                .containsIgnoringCase("Connection: close").containsIgnoringCase("Host: allowed.test:"));
        assertThat(upstream.requestHeads()).anySatisfy(h -> assertThat(h).startsWith("GET /tunnel HTTP/1.1"));
        assertThat(listener.connections()).contains(sandbox.id() + " allowed.test:" + upstream.port());
    }

    @Test
    void anInstallIsRefusedAHostNotAllowedAndNothingConnectsToIt() {
        Sandbox sandbox = create();
        int before = upstream.connections();

        String plain = run(sandbox, "curl -sS -o /dev/null -w '%{http_code}' http://refused.test:" + upstream.port()
                + "/");
        String tunnel = run(sandbox, "curl -sS https://refused.test:" + upstream.port() + "/ 2>&1; true");

        assertThat(plain).isEqualTo("403\nexit=0");
        assertThat(tunnel).contains("403");
        assertThat(upstream.connections()).isEqualTo(before);
        assertThat(dns.asked()).doesNotContain("refused.test");
        assertThat(listener.refusals()).filteredOn(r -> r.sandboxId().equals(sandbox.id()))
                .extracting(RecordingEgressListener.Refusal::host, RecordingEgressListener.Refusal::port)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("refused.test", upstream.port()),
                        org.assertj.core.groups.Tuple.tuple("refused.test", upstream.port()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events)
                .filteredOn(e -> sandbox.id().equals(e.sandboxId()) && e.kind().equals(SecurityEvent.EGRESS_REFUSED))
                .hasSize(2).allSatisfy(e -> {
                    assertThat(e.appId()).isEqualTo("egress-test");
                    assertThat(e.detail()).contains("refused.test:" + upstream.port());
                }));
    }

    @Test
    void nothingButTheProxyLeadsOut() {
        Sandbox sandbox = create();
        String hostAddress = externalAddress();

        String direct = run(sandbox, "curl -sS --noproxy '*' -m 5 http://127.0.0.1:" + upstream.port()
                + "/ 2>&1; node -e \"require('net').connect(" + upstream.port() + ", '" + hostAddress
                + "').on('connect', () => console.log('CONNECTED')).on('error', e => console.log(e.code))\";"
                + " getent hosts registry.npmjs.org || echo NO-DNS");

        assertThat(direct).doesNotContain("hello from upstream").doesNotContain("CONNECTED")
                .contains("Failed to connect").contains("ENETUNREACH").contains("NO-DNS");
    }

    @Test
    void theAppProcessHasNoProxyAndTheSocketIsOpenOnlyDuringInstalls() {
        Sandbox sandbox = create();
        Path socket = DATA_DIR.resolve("sandboxes").resolve(sandbox.id()).resolve("egress").resolve("proxy.sock");

        String during = run(sandbox, "test -S /run/egress/proxy.sock && echo SOCKET; echo \"$HTTPS_PROXY\"");
        sandbox.start("{ env; ls /run; curl -sS -m 5 http://allowed.test:" + upstream.port()
                + "/ 2>&1; } > seen-by-app.txt; exec sleep 600", 3000);
        await().atMost(Duration.ofSeconds(20)).until(() -> run(sandbox, "cat seen-by-app.txt").contains("curl"));
        String seenByApp = run(sandbox, "cat seen-by-app.txt");

        assertThat(during).isEqualTo("SOCKET\nhttp://127.0.0.1:3128\nexit=0");
        assertThat(Files.exists(socket)).isFalse();
        assertThat(seenByApp).doesNotContainIgnoringCase("proxy").doesNotContain("egress")
                .doesNotContain("hello from upstream");
    }

    private static String externalAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                        return a.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
        return "192.0.2.1";
    }
}
