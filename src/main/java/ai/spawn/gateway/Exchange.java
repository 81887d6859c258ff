package ai.spawn.gateway;

import io.netty.channel.Channel;
import io.netty.channel.pool.SimpleChannelPool;
import io.netty.handler.codec.http.HttpRequest;

/**
 * One request forwarded to an app and the app's answer, from routing until the response's last byte (or, for a
 * WebSocket, until either side closes). Mutable; confined to the client connection's event loop.
 */
final class Exchange {

    final UpstreamPools.Key key;
    /** The request as sent to the app (headers already rewritten); kept to resend it on a stale pooled connection. */
    final HttpRequest request;
    final boolean webSocket;
    final boolean hasBody;

    SimpleChannelPool pool;
    Channel upstream;
    /** The upstream connection came from the pool, so the app may have closed it just before we used it. */
    boolean reused;
    boolean retried;
    boolean requestDone;
    long bodyBytes;
    /** Anything at all came back from the app on the current upstream connection. */
    boolean heardBack;
    /** Between a 1xx response and its (empty) end. */
    boolean informational;
    /** The final response's head has been sent to the client. */
    boolean responseStarted;
    boolean upstreamReusable;
    /** The client connection stays open after this exchange. */
    boolean keepAlive;
    boolean upstreamDirty;
    boolean clientDirty;

    Exchange(UpstreamPools.Key key, HttpRequest request, boolean webSocket, boolean hasBody, boolean keepAlive) {
        this.key = key;
        this.request = request;
        this.webSocket = webSocket;
        this.hasBody = hasBody;
        this.keepAlive = keepAlive;
    }

    /** Whether resending the request on a fresh connection is safe: nothing was heard back and there is no body. */
    boolean retryable() {
        return reused && !retried && !heardBack && !hasBody;
    }
}
