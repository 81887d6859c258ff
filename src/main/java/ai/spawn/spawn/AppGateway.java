package ai.spawn.spawn;

import java.net.InetSocketAddress;

/** What the spawn feature needs of the gateway: the public URL of an app and where to probe it. */
interface AppGateway {

    /** The public URL of an app's port, e.g. {@code http://3000-abc.localhost:8081/}. */
    String appUrl(String appId, int port);

    /** The Host header that routes to an app's port. */
    String host(String appId, int port);

    /** Closes the gateway's connections to an app that stopped serving. Idempotent. */
    void disconnect(String appId);

    /** Where the gateway listens on this machine (for health checks). */
    InetSocketAddress localAddress();
}
