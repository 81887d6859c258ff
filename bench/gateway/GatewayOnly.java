import ai.spawn.gateway.GatewayProperties;
import ai.spawn.gateway.GatewayServer;
import ai.spawn.gateway.GatewayTrafficListener;
import ai.spawn.gateway.Route;
import ai.spawn.sandbox.SandboxEndpoint;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.springframework.util.unit.DataSize;

/**
 * The gateway alone, without SpawnAI or a sandbox: routes port 3000 of one app id to a TCP port on the host, so the
 * bench can tell what the gateway costs apart from what the sandbox's relay costs. Same defaults as
 * {@code spawnai.gateway.*}. Runs until killed.
 *
 * <p>Usage: {@code java -cp target/classes:$CP bench/gateway/GatewayOnly.java GATEWAY_PORT APP_ID APP_PORT}
 */
public class GatewayOnly {

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        String appId = args[1];
        SandboxEndpoint app = new SandboxEndpoint.Tcp("127.0.0.1", Integer.parseInt(args[2]));
        GatewayProperties defaults = GatewayProperties.defaults();
        GatewayProperties properties = new GatewayProperties(true, port, "127.0.0.1", defaults.domain(), null,
                defaults.scheme(), DataSize.ofMegabytes(10), defaults.maxConnectionsPerApp(), Duration.ofMinutes(5),
                defaults.upstreamIdleTimeout(), defaults.connectTimeout(), defaults.threads());
        GatewayServer gateway = new GatewayServer(properties,
                (id, p) -> id.equals(appId) && p == 3000 ? new Route.Live(appId, app) : new Route.Unknown(),
                GatewayTrafficListener.NONE);
        gateway.start();
        System.out.println("gateway-only listening on " + gateway.port());
        new CountDownLatch(1).await();
    }
}
