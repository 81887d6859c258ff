package ai.spawn.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

/**
 * Security events in the {@code security_events} table, counted in {@code spawnai.security.events{kind}} and logged
 * at WARN. Thread-safe.
 */
@Repository
class JdbcSecurityEvents implements SecurityEvents {

    static final String METRIC = "spawnai.security.events";
    private static final Logger log = LoggerFactory.getLogger(JdbcSecurityEvents.class);
    private static final RowMapper<SecurityEvent> ROW = (rs, n) -> new SecurityEvent(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)));

    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    JdbcSecurityEvents(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    @Override
    public void record(SecurityEvent event) {
        log.warn("security event {} of app {} in sandbox {}: {}", event.kind(), event.appId(), event.sandboxId(),
                event.detail());
        Counter.builder(METRIC).description("Security events: limits hit and guards triggered by apps")
                .tag("kind", event.kind()).register(meters).increment();
        jdbc.sql("""
                INSERT INTO security_events (app_id, sandbox_id, kind, detail, created_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(event.appId(), event.sandboxId(), event.kind(), event.detail(), event.time().toEpochMilli())
                .update();
    }

    @Override
    public List<SecurityEvent> list(String appId) {
        return jdbc.sql("""
                SELECT app_id, sandbox_id, kind, detail, created_at FROM security_events
                WHERE app_id = ? ORDER BY id DESC LIMIT ?""")
                .params(appId, MAX_LIST).query(ROW).list();
    }

    @Override
    public List<SecurityEvent> recent(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT app_id, sandbox_id, kind, detail, created_at FROM security_events
                ORDER BY id DESC LIMIT ?""")
                .param(limit).query(ROW).list();
    }
}
