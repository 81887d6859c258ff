package ai.spawn.gateway;

import ai.spawn.sandbox.SandboxEndpoint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link RouteResolver} for tests: routes set by hand, everything else {@link Route.Unknown}. Thread-safe. */
final class MapRouteResolver implements RouteResolver {

    private final Map<String, Route> routes = new ConcurrentHashMap<>();

    MapRouteResolver live(String appId, int port, SandboxEndpoint endpoint) {
        return put(appId, port, new Route.Live(appId, endpoint));
    }

    MapRouteResolver put(String appId, int port, Route route) {
        routes.put(appId + ":" + port, route);
        return this;
    }

    @Override
    public Route resolve(String appId, int port) {
        return routes.getOrDefault(appId + ":" + port, new Route.Unknown());
    }
}
