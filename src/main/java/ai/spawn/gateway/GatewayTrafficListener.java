package ai.spawn.gateway;

/**
 * Told about the traffic the gateway carries for each app, for usage metering and idle detection.
 *
 * <p>Methods are called on the gateway's event-loop threads, concurrently for different connections, so an
 * implementation must be thread-safe, cheap and must never block (count into a {@code LongAdder}, hand off to a
 * queue). An exception thrown by a method is logged and otherwise ignored; it never affects the proxied traffic.
 * Every Spring bean of this type is called; without any, nothing is.
 */
public interface GatewayTrafficListener {

    /** Listens to nothing. */
    GatewayTrafficListener NONE = new GatewayTrafficListener() { };

    /** A request (including a WebSocket upgrade) for {@code port} of app {@code appId} is being forwarded to it. */
    default void onRequest(String appId, int port) {
    }

    /**
     * Bytes on the wire of a client connection routed to {@code appId}: {@code bytesIn} received from the client,
     * {@code bytesOut} sent to it (HTTP headers and bodies, WebSocket frames). One of the two is often zero.
     */
    default void onBytes(String appId, long bytesIn, long bytesOut) {
    }
}
