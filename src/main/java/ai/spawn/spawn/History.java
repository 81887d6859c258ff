package ai.spawn.spawn;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import ai.spawn.generation.GenerationInfo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What happened to an app besides its state: its conversation ({@code messages}), every generation attempt with
 * its tokens and cost ({@code attempts}), the lifecycle of its versions, and the cache of generated bundles.
 */
@Repository
class History {

    private final JdbcClient jdbc;

    History(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- conversation

    void addMessage(String appId, String role, String text, Integer version, Instant at) {
        jdbc.sql("INSERT INTO messages (app_id, role, text, version, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(appId, role, text, version, at.toEpochMilli()).update();
    }

    List<Message> messages(String appId) {
        return jdbc.sql("SELECT role, text, version, created_at FROM messages WHERE app_id = ? ORDER BY id")
                .param(appId)
                .query((rs, n) -> new Message(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3,
                        Integer.class), Instant.ofEpochMilli(rs.getLong(4))))
                .list();
    }

    // --- attempts

    void addAttempt(String appId, Integer version, String kind, GenerationInfo info, boolean cached, String outcome,
                    String error, Instant at) {
        jdbc.sql("""
                INSERT INTO attempts (app_id, version, kind, engine, model, input_tokens, output_tokens,
                  cache_write_tokens, cache_read_tokens, cost_usd, duration_ms, cached, outcome, error, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(appId, version, kind, info.engine(), info.model(), info.inputTokens(), info.outputTokens(),
                        info.cacheWriteTokens(), info.cacheReadTokens(), cached ? 0.0 : info.costUsd(),
                        info.durationMillis(), cached, outcome, error, at.toEpochMilli())
                .update();
    }

    List<Attempt> attempts(String appId) {
        return jdbc.sql("""
                SELECT version, kind, engine, model, input_tokens, output_tokens, cache_write_tokens,
                  cache_read_tokens, cost_usd, duration_ms, cached, outcome, error, created_at
                FROM attempts WHERE app_id = ? ORDER BY id""")
                .param(appId)
                .query((rs, n) -> new Attempt((Integer) rs.getObject(1, Integer.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                        rs.getDouble(9), rs.getLong(10), rs.getBoolean(11), rs.getString(12), rs.getString(13),
                        Instant.ofEpochMilli(rs.getLong(14))))
                .list();
    }

    double spentUsd(String appId) {
        Double sum = jdbc.sql("SELECT COALESCE(SUM(cost_usd), 0) FROM attempts WHERE app_id = ?").param(appId)
                .query(Double.class).single();
        return sum == null ? 0 : sum;
    }

    // --- versions

    List<VersionRow> versions(String appId) {
        return jdbc.sql("""
                SELECT number, source, status, summary, error_step, error_message, findings, created_at
                FROM app_versions WHERE app_id = ? ORDER BY number""")
                .param(appId)
                .query((rs, n) -> new VersionRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8))))
                .list();
    }

    int lastVersion(String appId) {
        Integer max = jdbc.sql("SELECT COALESCE(MAX(number), 0) FROM app_versions WHERE app_id = ?").param(appId)
                .query(Integer.class).single();
        return max == null ? 0 : max;
    }

    void versionStatus(String appId, int number, String status, String errorStep, String errorMessage) {
        jdbc.sql("UPDATE app_versions SET status = ?, error_step = ?, error_message = ? WHERE app_id = ? AND number = ?")
                .params(status, errorStep, errorMessage, appId, number).update();
    }

    void versionDetails(String appId, int number, String summary, String findingsJson) {
        jdbc.sql("UPDATE app_versions SET summary = ?, findings = ? WHERE app_id = ? AND number = ?")
                .params(summary, findingsJson, appId, number).update();
    }

    Optional<String> findings(String appId, int number) {
        return jdbc.sql("SELECT findings FROM app_versions WHERE app_id = ? AND number = ?")
                .params(appId, number).query(String.class).optional();
    }

    // --- cache

    Optional<String> cached(String key) {
        return jdbc.sql("SELECT bundle FROM generation_cache WHERE cache_key = ?").param(key).query(String.class)
                .optional();
    }

    void cache(String key, String bundleJson, Instant at) {
        if (cached(key).isEmpty()) {
            try {
                jdbc.sql("INSERT INTO generation_cache (cache_key, bundle, created_at) VALUES (?, ?, ?)")
                        .params(key, bundleJson, at.toEpochMilli()).update();
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                // another app stored the same bundle first: same content
            }
        }
    }

    /** One message of an app's conversation. */
    record Message(String role, String text, Integer version, Instant time) { }

    /** One generation attempt. */
    record Attempt(Integer version, String kind, String engine, String model, long inputTokens, long outputTokens,
                   long cacheWriteTokens, long cacheReadTokens, double costUsd, long durationMillis, boolean cached,
                   String outcome, String error, Instant time) { }

    /** A version's lifecycle row. */
    record VersionRow(int number, String source, String status, String summary, String errorStep,
                      String errorMessage, String findingsJson, Instant createdAt) { }
}
