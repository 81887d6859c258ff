package ai.spawn.gateway;

import io.netty.channel.Channel;
import java.net.InetAddress;

/**
 * Ties one client connection to the app its requests go to: counts it against the app's connection limit and
 * meters its bytes. Bytes read before the first request is routed are held back and credited to the app once it
 * is known (dropped if the request is not routed to any app). Confined to the connection's event loop.
 */
final class ConnectionMeter {

    private final AppConnections apps;
    private final Channel client;
    private final InetAddress address;
    private AppConnections.App app;
    private long unattributedIn;
    private long reads;

    ConnectionMeter(AppConnections apps, Channel client, InetAddress address) {
        this.apps = apps;
        this.client = client;
        this.address = address;
    }

    /** Routes the connection to {@code target}'s app, unless the app or this client has its maximum there. */
    AppConnections.Admission attach(AppHost target) {
        if (app != null && app.id.equals(target.appId())) {
            return AppConnections.Admission.ADMITTED;
        }
        detach();
        AppConnections.App candidate = apps.app(target.appId(), target.port());
        AppConnections.Admission admission = apps.attach(candidate, client, address);
        if (admission != AppConnections.Admission.ADMITTED) {
            return admission;
        }
        app = candidate;
        if (unattributedIn > 0) {
            apps.bytes(app, unattributedIn, 0);
            unattributedIn = 0;
        }
        return admission;
    }

    void detach() {
        if (app != null) {
            apps.detach(app, client, address);
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
        reads++;
        if (app != null) {
            apps.bytes(app, bytes, 0);
        } else {
            unattributedIn += bytes;
        }
    }

    /** How many reads from the client there have been so far (for {@link HeadWatch}). */
    long reads() {
        return reads;
    }

    void countOut(long bytes) {
        if (app != null) {
            apps.bytes(app, 0, bytes);
        }
    }
}
