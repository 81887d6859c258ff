package ai.spawn.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.AsciiString;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Rewrites the headers of proxied messages: hop-by-hop headers out, forwarding headers in. Stateless. */
final class ProxyHeaders {

    /** RFC 9110 7.6.1 plus the non-standard ones still seen in the wild. */
    private static final List<AsciiString> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
            AsciiString.cached("proxy-connection"), HttpHeaderNames.PROXY_AUTHENTICATE,
            HttpHeaderNames.PROXY_AUTHORIZATION, HttpHeaderNames.TE, HttpHeaderNames.TRAILER,
            HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.UPGRADE);

    /** Never removed because a peer listed them in {@code Connection}: doing so would change the message framing. */
    private static final Set<String> PROTECTED = Set.of("content-length", "host");

    static final AsciiString FORWARDED = AsciiString.cached("forwarded");
    static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
    static final AsciiString X_FORWARDED_HOST = AsciiString.cached("x-forwarded-host");
    static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");

    /** Set by the gateway only; a client's own values would let it pose as another address. */
    private static final List<AsciiString> FORWARDING = List.of(FORWARDED,
            X_FORWARDED_FOR, X_FORWARDED_HOST, X_FORWARDED_PROTO,
            AsciiString.cached("x-forwarded-port"), AsciiString.cached("x-real-ip"));

    private ProxyHeaders() {
    }

    /** Whether {@code request} asks to become a WebSocket: GET with Connection: upgrade and Upgrade: websocket. */
    static boolean isWebSocketUpgrade(HttpRequest request) {
        HttpHeaders headers = request.headers();
        return HttpMethod.GET.equals(request.method())
                && headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
                && HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(headers.get(HttpHeaderNames.UPGRADE, ""));
    }

    /**
     * Turns a request received from a client into the one sent to the app: HTTP/1.1 framing kept (chunked stays
     * chunked), hop-by-hop headers removed except a WebSocket upgrade's, and the forwarding headers set to what the
     * gateway saw, replacing any the client sent.
     */
    static void prepareRequest(HttpRequest request, boolean webSocket, InetAddress client, String host, String proto) {
        HttpHeaders headers = request.headers();
        boolean chunked = HttpUtil.isTransferEncodingChunked(request);
        String upgrade = headers.get(HttpHeaderNames.UPGRADE);
        stripHopByHop(headers);
        if (chunked) {
            headers.remove(HttpHeaderNames.CONTENT_LENGTH);
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        if (webSocket) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
            headers.set(HttpHeaderNames.UPGRADE, upgrade);
        }
        FORWARDING.forEach(headers::remove);
        String address = client.getHostAddress();
        headers.set(X_FORWARDED_FOR, address);
        headers.set(X_FORWARDED_PROTO, proto);
        headers.set(X_FORWARDED_HOST, host);
        headers.set(FORWARDED, forwarded(client, host, proto));
    }

    /** Removes hop-by-hop headers from an app's response; a WebSocket handshake keeps {@code Upgrade}. */
    static void prepareResponse(HttpResponse response, boolean webSocket) {
        HttpHeaders headers = response.headers();
        String upgrade = headers.get(HttpHeaderNames.UPGRADE);
        stripHopByHop(headers);
        if (webSocket && upgrade != null) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
            headers.set(HttpHeaderNames.UPGRADE, upgrade);
        }
    }

    static void stripHopByHop(HttpHeaders headers) {
        for (String value : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : value.split(",")) {
                String name = token.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !PROTECTED.contains(name)) {
                    headers.remove(name);
                }
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
    }

    /** RFC 7239: {@code for=192.0.2.1;host="3000-abc.localhost:8081";proto=http}, IPv6 quoted and bracketed. */
    static String forwarded(InetAddress client, String host, String proto) {
        String node = client instanceof Inet6Address
                ? "\"[" + client.getHostAddress() + "]\""
                : client.getHostAddress();
        return "for=" + node + ";host=\"" + host.replace("\\", "\\\\").replace("\"", "\\\"") + "\";proto=" + proto;
    }
}
