package ai.spawn.gateway;

import io.netty.channel.Channel;

/**
 * Ties one client connection to the app its requests go to: counts it against the app's connection limit and
 * meters its bytes. Bytes read before the first request is routed are held back and credited to the app once it
 * is known (dropped if the request is not routed to any app). Confined to the connection's event loop.
 */
final class ConnectionMeter {

    private final AppConnections apps;
    private final Channel client;
    private AppConnections.App app;
    private long unattributedIn;

    ConnectionMeter(AppConnections apps, Channel client) {
        this.apps = apps;
        this.client = client;
    }

    /** Routes the connection to {@code target}'s app; false when that app already has its maximum. */
    boolean attach(AppHost target) {
        if (app != null && app.id.equals(target.appId())) {
            return true;
        }
        detach();
        app = apps.attach(target.appId(), target.port(), client);
        if (app == null) {
            return false;
        }
        if (unattributedIn > 0) {
            apps.bytes(app, unattributedIn, 0);
            unattributedIn = 0;
        }
        return true;
    }

    void detach() {
        if (app != null) {
            apps.detach(app, client);
            app = null;
        }
    }

    /** A request is forwarded to the attached app. */
    void request(int port) {
        apps.request(app, port);
    }

    /** The gateway answered a request itself; if no app was involved, what it read belongs to none. */
    void answeredByGateway() {
        if (app == null) {
            unattributedIn = 0;
        }
    }

    void countIn(long bytes) {
        if (app != null) {
            apps.bytes(app, bytes, 0);
        } else {
            unattributedIn += bytes;
        }
    }

    void countOut(long bytes) {
        if (app != null) {
            apps.bytes(app, 0, bytes);
        }
    }
}
