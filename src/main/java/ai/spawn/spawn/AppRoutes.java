package ai.spawn.spawn;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import ai.spawn.gateway.Route;
import ai.spawn.gateway.RouteResolver;
import ai.spawn.sandbox.SandboxEndpoint;
import org.springframework.stereotype.Component;

/**
 * The gateway's view of apps, kept in memory (the gateway asks on its event loop and must not wait for the
 * database). Fed by every state change and by the pipeline when a sandbox's port becomes reachable.
 */
@Component
class AppRoutes implements RouteResolver {

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Route resolve(String appId, int port) {
        Entry e = entries.get(appId);
        if (e == null) {
            return new Route.Unknown();
        }
        return switch (e.status) {
            case LIVE, UPDATING, STARTING -> e.endpoint != null && e.port == port
                    ? new Route.Live(appId, e.endpoint)
                    : e.port == port || e.port == 0 ? unavailable(appId, e) : new Route.Unknown();
            case QUEUED, GENERATING, VALIDATING, PROVISIONING, INSTALLING -> unavailable(appId, e);
            case CRASHED -> new Route.Unavailable(appId, "This app crashed. It is restarted automatically a few"
                    + " times; its page in SpawnAI says why it stopped.");
            case FAILED -> new Route.Gone(appId, "This app failed and is not running."
                    + " Its page in SpawnAI says why; you can retry it there.");
            case EXPIRED -> new Route.Gone(appId, "This app has expired: its time ran out and it was removed.");
            case DESTROYED -> new Route.Gone(appId, "This app was destroyed by its owner.");
        };
    }

    private static Route unavailable(String appId, Entry e) {
        return new Route.Unavailable(appId, "This app is being made (" + e.status.name().toLowerCase(Locale.ROOT)
                + "). Try again in a few seconds.");
    }

    void stateChanged(App app) {
        entries.compute(app.id(), (id, old) -> {
            SandboxEndpoint endpoint = old == null || app.status().isFinal() || app.status() == SpawnState.FAILED
                    ? null : old.endpoint;
            int port = app.port() == null ? 0 : app.port();
            return new Entry(app.status(), port, endpoint);
        });
    }

    /** The app's port is reachable at {@code endpoint} (its process was started). */
    void attach(String appId, int port, SandboxEndpoint endpoint) {
        entries.computeIfPresent(appId, (id, old) -> new Entry(old.status, port, endpoint));
    }

    private record Entry(SpawnState status, int port, SandboxEndpoint endpoint) { }
}
