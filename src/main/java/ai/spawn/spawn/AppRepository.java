package ai.spawn.spawn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code apps} and {@code app_versions} tables. Every change goes through {@link #update}, which applies an
 * edit with optimistic locking and retries when a concurrent writer got there first.
 */
@Repository
class AppRepository {

    private static final String COLUMNS = "id, session_id, status, prompt, title, runtime, port, sandbox_id, "
            + "current_version, error_step, error_message, created_at, updated_at, expires_at, lock_version";
    private static final int ATTEMPTS = 5;

    private final JdbcClient jdbc;

    AppRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(App app) {
        jdbc.sql("INSERT INTO apps (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(app.id(), app.sessionId(), app.status().name(), app.prompt(), app.title(), app.runtime(),
                        app.port(), app.sandboxId(), app.currentVersion(), app.errorStep(), app.errorMessage(),
                        app.createdAt().toEpochMilli(), app.updatedAt().toEpochMilli(),
                        app.expiresAt().toEpochMilli(), app.lockVersion())
                .update();
    }

    Optional<App> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM apps WHERE id = ?").param(id).query(AppRepository::map)
                .optional();
    }

    List<App> findBySession(String sessionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM apps WHERE session_id = ? ORDER BY created_at DESC, id")
                .param(sessionId).query(AppRepository::map).list();
    }

    List<App> findByStatus(Collection<SpawnState> states) {
        List<String> names = states.stream().map(Enum::name).toList();
        return jdbc.sql("SELECT " + COLUMNS + " FROM apps WHERE status IN (:states) ORDER BY created_at")
                .param("states", names).query(AppRepository::map).list();
    }

    List<App> findExpiring(Collection<SpawnState> states, Instant now) {
        List<String> names = states.stream().map(Enum::name).toList();
        return jdbc.sql("SELECT " + COLUMNS + " FROM apps WHERE status IN (:states) AND expires_at <= :now")
                .param("states", names).param("now", now.toEpochMilli()).query(AppRepository::map).list();
    }

    /** Ids and states of apps changed since {@code since} (to warm the gateway's routes). */
    List<App> findUpdatedSince(Instant since) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM apps WHERE updated_at >= ?").param(since.toEpochMilli())
                .query(AppRepository::map).list();
    }

    /**
     * Applies {@code edit} to the stored app with optimistic locking, retrying on a concurrent change. The edit
     * may throw to refuse (e.g. an invalid transition); it is re-applied to fresh data on each retry.
     *
     * @throws AppNotFoundException when the app does not exist
     */
    App update(String id, UnaryOperator<App> edit) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            App current = find(id).orElseThrow(() -> new AppNotFoundException(id));
            App next = edit.apply(current);
            if (next == current) {
                return current;
            }
            int rows = jdbc.sql("""
                    UPDATE apps SET status = ?, title = ?, runtime = ?, port = ?, sandbox_id = ?, current_version = ?,
                      error_step = ?, error_message = ?, updated_at = ?, expires_at = ?, lock_version = ?
                    WHERE id = ? AND lock_version = ?""")
                    .params(next.status().name(), next.title(), next.runtime(), next.port(), next.sandboxId(),
                            next.currentVersion(), next.errorStep(), next.errorMessage(),
                            next.updatedAt().toEpochMilli(), next.expiresAt().toEpochMilli(),
                            current.lockVersion() + 1, id, current.lockVersion())
                    .update();
            if (rows == 1) {
                return new App(next.id(), next.sessionId(), next.status(), next.prompt(), next.title(),
                        next.runtime(), next.port(), next.sandboxId(), next.currentVersion(), next.errorStep(),
                        next.errorMessage(), next.createdAt(), next.updatedAt(), next.expiresAt(),
                        current.lockVersion() + 1);
            }
        }
        throw new SpawnException(id, "app " + id + " is being changed concurrently; try again");
    }

    void insertVersion(String appId, int number, String bundleJson, String source, Instant at) {
        jdbc.sql("INSERT INTO app_versions (app_id, number, bundle, source, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(appId, number, bundleJson, source, at.toEpochMilli())
                .update();
    }

    Optional<String> findVersion(String appId, int number) {
        return jdbc.sql("SELECT bundle FROM app_versions WHERE app_id = ? AND number = ?")
                .params(appId, number).query(String.class).optional();
    }

    private static App map(ResultSet rs, int row) throws SQLException {
        return new App(rs.getString("id"), rs.getString("session_id"), SpawnState.valueOf(rs.getString("status")),
                rs.getString("prompt"), rs.getString("title"), rs.getString("runtime"),
                (Integer) rs.getObject("port", Integer.class), rs.getString("sandbox_id"),
                rs.getInt("current_version"), rs.getString("error_step"), rs.getString("error_message"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
                Instant.ofEpochMilli(rs.getLong("expires_at")), rs.getLong("lock_version"));
    }
}
