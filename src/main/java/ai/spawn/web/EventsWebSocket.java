package ai.spawn.web;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.spawn.progress.EventBus;
import ai.spawn.spawn.AppNotFoundException;
import ai.spawn.spawn.SpawnService;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/apps/{id}/events/ws}: the same events as the SSE stream, one JSON text message each, history
 * first. The handshake is authenticated like the API (header or {@code ?access_token=}); a non-owner gets 404.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class EventsWebSocket implements WebSocketConfigurer {

    private static final Pattern PATH = Pattern.compile("/api/v1/apps/([a-z0-9]{1,32})/events/ws");
    private static final String APP = "appId";
    private static final String SUBSCRIPTION = "subscription";

    private final SessionAuth auth;
    private final SpawnService spawns;
    private final EventBus events;
    private final JsonMapper json;

    EventsWebSocket(SessionAuth auth, SpawnService spawns, EventBus events, JsonMapper json) {
        this.auth = auth;
        this.spawns = spawns;
        this.events = events;
        this.json = json;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new Handler(), "/api/v1/apps/*/events/ws").addInterceptors(new Auth())
                .setAllowedOriginPatterns("*");
    }

    private final class Auth implements HandshakeInterceptor {
        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                       WebSocketHandler handler, Map<String, Object> attributes) {
            URI uri = request.getURI();
            Matcher m = PATH.matcher(uri.getPath());
            if (!m.matches()) {
                response.setStatusCode(HttpStatus.NOT_FOUND);
                return false;
            }
            String query = uri.getQuery() == null ? null : queryParam(uri.getRawQuery(), "access_token");
            String token = SessionAuth.token(request.getHeaders().getFirst("Authorization"), uri.getPath(), query);
            try {
                String session = auth.sessionFor(token);
                spawns.checkOwner(session, m.group(1));
            } catch (UnauthorizedException e) {
                response.setStatusCode(HttpStatus.UNAUTHORIZED);
                return false;
            } catch (AppNotFoundException e) {
                response.setStatusCode(HttpStatus.NOT_FOUND);
                return false;
            }
            attributes.put(APP, m.group(1));
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Exception exception) {
        }
    }

    private final class Handler extends TextWebSocketHandler {
        @Override
        public void afterConnectionEstablished(WebSocketSession raw) {
            WebSocketSession session = new ConcurrentWebSocketSessionDecorator(raw, 10_000, 1 << 20);
            String appId = (String) raw.getAttributes().get(APP);
            EventBus.Subscription subscription = events.subscribe(appId, 0, event -> {
                try {
                    session.sendMessage(new TextMessage(json.writeValueAsString(EventJson.of(event))));
                    if (EventJson.isLast(event)) {
                        session.close(CloseStatus.NORMAL);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("websocket closed", e);
                }
            });
            raw.getAttributes().put(SUBSCRIPTION, subscription);
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
            Object s = session.getAttributes().remove(SUBSCRIPTION);
            if (s instanceof EventBus.Subscription subscription) {
                subscription.close();
            }
        }
    }

    private static String queryParam(String rawQuery, String name) {
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
