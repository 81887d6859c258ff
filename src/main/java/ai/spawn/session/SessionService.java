package ai.spawn.session;

import ai.spawn.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Anonymous sessions: a random bearer token, stored only as its SHA-256 hash. Thread-safe.
 */
@Service
public class SessionService {

    private static final int TOKEN_BYTES = 32;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<String, String> sessionIdByHash = new ConcurrentHashMap<>();

    SessionService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates a session; the token is returned once and never stored in clear. */
    public NewSession create() {
        String id = Ids.random(random, 12);
        byte[] raw = new byte[TOKEN_BYTES];
        random.nextBytes(raw);
        String token = "sk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String hash = hash(token);
        jdbc.sql("INSERT INTO sessions (id, token_hash, created_at) VALUES (?, ?, ?)")
                .params(id, hash, clock.millis())
                .update();
        sessionIdByHash.put(hash, id);
        return new NewSession(id, token);
    }

    /** The session a token belongs to, if any. */
    public Optional<String> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(token.trim());
        String cached = sessionIdByHash.get(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> found = jdbc.sql("SELECT id FROM sessions WHERE token_hash = ?")
                .param(hash)
                .query(String.class)
                .optional();
        found.ifPresent(id -> sessionIdByHash.put(hash, id));
        return found;
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** A new session and its bearer token. */
    public record NewSession(String sessionId, String token) { }
}
