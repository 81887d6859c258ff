package ai.spawn.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what becomes of a request head: forwarded to a live app, or answered by the gateway with a page. Only
 * hosts of the form {@code {port}-{appId}.{domain}} that the {@link RouteResolver} calls live are forwarded; nothing
 * else is ever served. Thread-safe.
 */
final class RequestRouter {

    private static final Logger log = LoggerFactory.getLogger(RequestRouter.class);

    /** What to do with a request. */
    sealed interface Decision {
    }

    /** Forward the request to this live app. */
    record Forward(AppHost target, Route.Live route) implements Decision {
    }

    /**
     * Answer with {@code page}: after reading and dropping the request body, keeping the connection
     * ({@code readBody}), or at once, closing it (the request cannot be trusted to end where it says).
     */
    record Answer(ErrorPage page, boolean readBody) implements Decision {
    }

    private final String domain;
    private final RouteResolver resolver;
    private final UpstreamPools pools;

    RequestRouter(String domain, RouteResolver resolver, UpstreamPools pools) {
        this.domain = domain;
        this.resolver = resolver;
        this.pools = pools;
    }

    Decision route(HttpRequest request, String host) {
        if (request.decoderResult().isFailure()) {
            return new Answer(decodeFailure(request.decoderResult().cause()), false);
        }
        if (HttpMethod.CONNECT.equals(request.method())) {
            return new Answer(ErrorPage.badRequest(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "CONNECT is not supported."), false);
        }
        AppHost target = AppHost.parse(host, domain).orElse(null);
        if (target == null) {
            return new Answer(ErrorPage.noApp(host), true);
        }
        Route route = resolve(target);
        if (route instanceof Route.Live live) {
            return new Forward(target, live);
        }
        if (route instanceof Route.Gone gone) {
            pools.evictIf(key -> key.appId().equals(target.appId()));
            return new Answer(ErrorPage.gone(gone.message()), true);
        }
        if (route instanceof Route.Unavailable unavailable) {
            return new Answer(ErrorPage.unavailable(unavailable.message()), true);
        }
        return new Answer(ErrorPage.noApp(host), true);
    }

    private Route resolve(AppHost target) {
        try {
            Route route = resolver.resolve(target.appId(), target.port());
            return route == null ? new Route.Unknown() : route;
        } catch (RuntimeException e) {
            log.warn("Route resolver failed for app {} port {}", target.appId(), target.port(), e);
            return new Route.Unavailable(target.appId(), "The gateway could not look this app up. Try again soon.");
        }
    }

    /**
     * The request's host: the authority of an absolute-form target (the request is then rewritten to origin-form
     * with that host, as RFC 9112 3.2.2 says), else its one {@code Host} header; {@code null} if neither.
     */
    static String hostOf(HttpRequest request) {
        String uri = request.uri();
        if (uri.regionMatches(true, 0, "http://", 0, 7) || uri.regionMatches(true, 0, "https://", 0, 8)) {
            try {
                URI parsed = new URI(uri);
                String path = parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath();
                request.setUri(parsed.getRawQuery() == null ? path : path + "?" + parsed.getRawQuery());
                if (parsed.getRawAuthority() != null) {
                    request.headers().set(HttpHeaderNames.HOST, parsed.getRawAuthority());
                }
                return parsed.getRawAuthority();
            } catch (URISyntaxException e) {
                return null;
            }
        }
        List<String> hosts = request.headers().getAll(HttpHeaderNames.HOST);
        return hosts.size() == 1 ? hosts.get(0) : null;
    }

    static ErrorPage decodeFailure(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return ErrorPage.badRequest(HttpResponseStatus.REQUEST_URI_TOO_LONG, "The request line is too long.");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return ErrorPage.badRequest(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "The headers are too large.");
        }
        return ErrorPage.badRequest(HttpResponseStatus.BAD_REQUEST, "The request is not valid HTTP/1.1.");
    }
}
