package ai.spawn.gateway;

import ai.spawn.AddressCounts;
import io.netty.channel.Channel;
import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per app: the client connections routed to it (for the per-app limit, the limit per client address and app, and
 * for disconnecting), and its traffic
 * counters, which it also reports to the {@link GatewayTrafficListener}. Thread-safe. Entries exist only for apps
 * the resolver has called live, so made-up host names cannot grow it.
 */
final class AppConnections {

    private static final Logger log = LoggerFactory.getLogger(AppConnections.class);

    private final ConcurrentMap<String, App> apps = new ConcurrentHashMap<>();
    private final GatewayTrafficListener listener;
    private final int maxPerApp;
    private final Function<String, App> newApp;

    AppConnections(GatewayTrafficListener listener, int maxPerApp, int maxPerClientPerApp) {
        this.listener = listener;
        this.maxPerApp = maxPerApp;
        this.newApp = id -> new App(id, maxPerClientPerApp);
    }

    /** Whether a connection may be routed to an app. */
    enum Admission { ADMITTED, APP_FULL, CLIENT_FULL }

    /** One app's counters. */
    static final class App {
        final String id;
        final AtomicInteger open = new AtomicInteger();
        final Set<Channel> channels = ConcurrentHashMap.newKeySet();
        final AddressCounts perClient;
        final LongAdder requests = new LongAdder();
        final LongAdder bytesIn = new LongAdder();
        final LongAdder bytesOut = new LongAdder();
        volatile int lastPort;

        App(String id, int maxPerClient) {
            this.id = id;
            this.perClient = new AddressCounts(maxPerClient);
        }
    }

    /** The counters of {@code appId}, made on first use. */
    App app(String appId, int port) {
        App app = apps.computeIfAbsent(appId, newApp);
        app.lastPort = port;
        return app;
    }

    /**
     * Counts {@code client}, from {@code address}, against {@code app}: refused (and not counted) when that address
     * or the app already has its maximum.
     */
    Admission attach(App app, Channel client, InetAddress address) {
        if (!app.perClient.tryAdd(address)) {
            return Admission.CLIENT_FULL;
        }
        if (app.open.incrementAndGet() > maxPerApp) {
            app.open.decrementAndGet();
            app.perClient.remove(address);
            return Admission.APP_FULL;
        }
        app.channels.add(client);
        return Admission.ADMITTED;
    }

    void detach(App app, Channel client, InetAddress address) {
        if (app.channels.remove(client)) {
            app.open.decrementAndGet();
            app.perClient.remove(address);
        }
    }

    void request(App app, int port) {
        app.requests.increment();
        try {
            listener.onRequest(app.id, port);
        } catch (RuntimeException e) {
            log.warn("Traffic listener failed on a request for app {}", app.id, e);
        }
    }

    void bytes(App app, long in, long out) {
        if (in > 0) {
            app.bytesIn.add(in);
        }
        if (out > 0) {
            app.bytesOut.add(out);
        }
        try {
            listener.onBytes(app.id, in, out);
        } catch (RuntimeException e) {
            log.warn("Traffic listener failed on bytes of app {}", app.id, e);
        }
    }

    AppTraffic traffic(String appId) {
        App app = apps.get(appId);
        return app == null ? AppTraffic.none(appId) : new AppTraffic(appId, app.requests.sum(), app.bytesIn.sum(),
                app.bytesOut.sum(), app.open.get());
    }

    /** Closes every client connection routed to {@code appId}. */
    void disconnect(String appId) {
        App app = apps.get(appId);
        if (app != null) {
            app.channels.forEach(Channel::close);
        }
    }

    /** Forgets apps without connections that {@code isGone} says are gone. */
    void sweep(AppPredicate isGone) {
        apps.values().forEach(app -> {
            if (app.open.get() == 0 && isGone.test(app.id, app.lastPort)) {
                apps.remove(app.id, app);
            }
        });
    }

    /** Whether port {@code port} of app {@code appId} matches a condition. */
    @FunctionalInterface
    interface AppPredicate {
        boolean test(String appId, int port);
    }
}
