package ai.spawn.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ai.spawn.session.SessionService;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Resolves {@code Authorization: Bearer <token>} to a session for every API call that needs one. Event streams
 * may pass the token as {@code ?access_token=} instead (RFC 6750 §2.3), because browsers' EventSource and
 * WebSocket cannot set headers.
 */
@Component
class SessionAuth implements HandlerInterceptor {

    static final String SESSION_ATTRIBUTE = "spawnai.sessionId";

    private final SessionService sessions;

    SessionAuth(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String token = token(request.getHeader(HttpHeaders.AUTHORIZATION), request.getRequestURI(),
                request.getParameter("access_token"));
        request.setAttribute(SESSION_ATTRIBUTE, sessionFor(token));
        return true;
    }

    /** The session of a token, or {@link UnauthorizedException}. */
    String sessionFor(String token) {
        if (token == null) {
            throw new UnauthorizedException("this call needs 'Authorization: Bearer <token>';"
                    + " create a session with POST /api/v1/sessions");
        }
        return sessions.authenticate(token).orElseThrow(() -> new UnauthorizedException(
                "the session token is not valid; create a new session with POST /api/v1/sessions"));
    }

    static String token(String authorization, String path, String queryToken) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String t = authorization.substring(7).trim();
            return t.isEmpty() ? null : t;
        }
        if (queryToken != null && !queryToken.isBlank() && path != null && path.contains("/events")) {
            return queryToken.trim();
        }
        return null;
    }
}
