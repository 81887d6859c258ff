package ai.spawn.gateway;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Gateways for tests without a Spring context: properties bound as the application binds them. */
final class TestGateways {

    private TestGateways() {
    }

    /** {@code spawnai.gateway.*} bound from {@code settings} (keys without the prefix), on 127.0.0.1 and a free port. */
    static GatewayProperties properties(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of("port", "0", "bind", "127.0.0.1"));
        all.putAll(settings);
        Map<String, String> prefixed = new HashMap<>();
        all.forEach((k, v) -> prefixed.put("spawnai.gateway." + k, v));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("spawnai.gateway", GatewayProperties.class);
    }

    /** A started gateway; stop it when done. */
    static GatewayServer start(RouteResolver routes, GatewayTrafficListener listener, Map<String, String> settings) {
        GatewayServer gateway = new GatewayServer(properties(settings), routes, listener);
        gateway.start();
        return gateway;
    }
}
