package ai.spawn.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.HtmlUtils;

/**
 * A page the gateway answers with itself, instead of the app: small HTML for browsers, plain text otherwise, never
 * cached. Immutable.
 *
 * @param status    the HTTP status
 * @param title     a short headline
 * @param detail    one or two sentences for a person
 * @param retrySoon the condition is temporary: browsers reload the page after a few seconds
 */
record ErrorPage(HttpResponseStatus status, String title, String detail, boolean retrySoon) {

    private static final int RETRY_SECONDS = 3;

    static ErrorPage noApp(String host) {
        return new ErrorPage(HttpResponseStatus.NOT_FOUND, "No app here",
                "There is no app at " + (host == null ? "this address" : host) + ". Check the address.", false);
    }

    static ErrorPage gone(String message) {
        return new ErrorPage(HttpResponseStatus.GONE, "This app is gone",
                message == null || message.isBlank() ? "The app was stopped and is no longer available." : message,
                false);
    }

    static ErrorPage unavailable(String message) {
        return new ErrorPage(HttpResponseStatus.SERVICE_UNAVAILABLE, "This app is not ready",
                message == null || message.isBlank() ? "The app is not serving yet. Try again in a moment." : message,
                true);
    }

    static ErrorPage tooManyConnections() {
        return new ErrorPage(HttpResponseStatus.SERVICE_UNAVAILABLE, "This app is busy",
                "The app has too many open connections. Try again in a moment.", true);
    }

    static ErrorPage tooManyConnectionsFromYou() {
        return new ErrorPage(HttpResponseStatus.TOO_MANY_REQUESTS, "Too many connections",
                "You have too many connections open to this app. Close some and try again.", true);
    }

    static ErrorPage notAnswering() {
        return new ErrorPage(HttpResponseStatus.BAD_GATEWAY, "The app is not answering",
                "The app did not accept the connection or closed it without answering. "
                        + "It may have crashed, or it may still be starting.", false);
    }

    static ErrorPage badResponse() {
        return new ErrorPage(HttpResponseStatus.BAD_GATEWAY, "The app answered with something that is not HTTP",
                "The gateway could not understand the app's response.", false);
    }

    static ErrorPage timedOut() {
        return new ErrorPage(HttpResponseStatus.GATEWAY_TIMEOUT, "The app did not answer in time",
                "The app accepted the request but sent no response.", false);
    }

    static ErrorPage tooLarge(DataSize limit) {
        return new ErrorPage(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "Request too large",
                "Request bodies sent to apps are limited to " + limit.toBytes() + " bytes.", false);
    }

    static ErrorPage badRequest(HttpResponseStatus status, String detail) {
        return new ErrorPage(status, "Bad request", detail, false);
    }

    /**
     * The response for this page. {@code head} leaves the body out (keeping its length); without {@code keepAlive}
     * the response says {@code Connection: close}.
     */
    FullHttpResponse render(boolean html, boolean head, boolean keepAlive) {
        byte[] body = (html ? html() : text()).getBytes(StandardCharsets.UTF_8);
        ByteBuf content = head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        headers.set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        headers.set("x-content-type-options", "nosniff");
        headers.set(HttpHeaderNames.CONTENT_SECURITY_POLICY, "default-src 'none'; style-src 'unsafe-inline'");
        if (retrySoon) {
            headers.setInt(HttpHeaderNames.RETRY_AFTER, RETRY_SECONDS);
        }
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
    }

    String text() {
        return status.code() + " " + title + "\n" + detail + "\n";
    }

    String html() {
        String refresh = retrySoon ? "<meta http-equiv=\"refresh\" content=\"" + RETRY_SECONDS + "\">" : "";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">" + refresh
                + "<title>" + status.code() + " · " + HtmlUtils.htmlEscape(title, "UTF-8") + "</title>"
                + "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:15vh auto;padding:0 1rem;"
                + "color:#222}h1{font-size:1.4rem;margin:0 0 .5rem}p{color:#555}small{color:#999}</style></head>"
                + "<body><h1>" + HtmlUtils.htmlEscape(title, "UTF-8") + "</h1>"
                + "<p>" + HtmlUtils.htmlEscape(detail, "UTF-8") + "</p>"
                + "<small>" + status.code() + " · SpawnAI gateway</small></body></html>\n";
    }
}
