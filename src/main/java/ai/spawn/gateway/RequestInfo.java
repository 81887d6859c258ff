package ai.spawn.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Locale;

/**
 * What the gateway remembers of a client's request to answer it itself.
 *
 * @param host      the request's host ({@code null} when missing or ambiguous)
 * @param html      the client accepts HTML (a browser): pages are HTML, else plain text
 * @param head      a {@code HEAD} request: answers carry no body
 * @param http10    an HTTP/1.0 client: no chunked encoding, keep-alive only when asked for
 * @param keepAlive the client wants the connection kept open
 */
record RequestInfo(String host, boolean html, boolean head, boolean http10, boolean keepAlive) {

    static final RequestInfo NONE = new RequestInfo(null, false, false, false, false);

    static RequestInfo of(HttpRequest request, String host) {
        String accept = request.headers().get(HttpHeaderNames.ACCEPT);
        return new RequestInfo(host, accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html"),
                HttpMethod.HEAD.equals(request.method()), HttpVersion.HTTP_1_0.equals(request.protocolVersion()),
                HttpUtil.isKeepAlive(request));
    }
}
