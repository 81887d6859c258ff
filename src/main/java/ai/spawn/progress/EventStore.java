package ai.spawn.progress;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores progress events in the {@code events} table. */
@Repository
class EventStore {

    private final JdbcClient jdbc;

    EventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SpawnEvent e) {
        jdbc.sql("""
                INSERT INTO events (app_id, seq, step, status, percent, eta_ms, message, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.appId(), e.seq(), e.step(), e.status(), e.percent(), e.etaMillis(), e.message(),
                        e.time().toEpochMilli())
                .update();
    }

    long lastSeq(String appId) {
        Long max = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM events WHERE app_id = ?").param(appId).query(Long.class).single();
        return max == null ? 0 : max;
    }

    List<SpawnEvent> after(String appId, long afterSeq) {
        return jdbc.sql("""
                SELECT app_id, seq, step, status, percent, eta_ms, message, created_at
                FROM events WHERE app_id = ? AND seq > ? ORDER BY seq""")
                .params(appId, afterSeq)
                .query((rs, n) -> new SpawnEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), (Long) rs.getObject(6, Long.class), rs.getString(7),
                        Instant.ofEpochMilli(rs.getLong(8))))
                .list();
    }
}
