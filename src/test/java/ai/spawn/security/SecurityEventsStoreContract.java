package ai.spawn.security;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.time.Instant;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the JDBC store of security events owes on every database the migrations run on. A subclass names the
 * database; each test gets the schema freshly migrated by Flyway.
 */
abstract class SecurityEventsStoreContract {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00.123Z");

    protected SimpleMeterRegistry meters;
    protected JdbcSecurityEvents events;

    /** A JDBC URL of an empty database or schema for this test. */
    protected abstract String url();

    protected abstract String user();

    /** A Flyway configured for {@link #url()}. */
    protected Flyway flyway(SingleConnectionDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false)
                .load();
    }

    @BeforeEach
    void migrate() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url(), user(), "", true);
        Flyway flyway = flyway(dataSource);
        flyway.clean();
        flyway.migrate();
        meters = new SimpleMeterRegistry();
        events = new JdbcSecurityEvents(JdbcClient.create(dataSource), meters);
    }

    private static SecurityEvent event(String app, String kind, int second) {
        return new SecurityEvent(app, "sbx-" + app, kind, kind + " in " + app, T0.plusSeconds(second));
    }

    @Test
    void storesEventsAndListsThemPerAppNewestFirst() {
        events.record(event("app-a", SecurityEvent.OOM_KILLED, 1));
        events.record(event("app-b", SecurityEvent.PIDS_LIMIT, 2));
        events.record(new SecurityEvent("app-a", null, SecurityEvent.EGRESS_REFUSED, "evil.example:443",
                T0.plusSeconds(3)));

        assertThat(events.list("app-a")).containsExactly(
                new SecurityEvent("app-a", null, "egress-refused", "evil.example:443", T0.plusSeconds(3)),
                event("app-a", "oom-killed", 1));
        assertThat(events.list("app-c")).isEmpty();
    }

    @Test
    void recentListsTheLatestOfEveryApp() {
        IntStream.range(0, 5).forEach(i -> events.record(event("app-" + i, SecurityEvent.LOG_FLOOD, i)));

        assertThat(events.recent(2)).extracting(SecurityEvent::appId).containsExactly("app-4", "app-3");
        assertThat(events.recent(0)).isEmpty();
    }

    @Test
    void countsEachKind() {
        events.record(event("app-a", SecurityEvent.OOM_KILLED, 1));
        events.record(event("app-b", SecurityEvent.OOM_KILLED, 2));
        events.record(event("app-b", SecurityEvent.DISK_FULL, 3));

        assertThat(meters.get(JdbcSecurityEvents.METRIC).tag("kind", "oom-killed").counter().count()).isEqualTo(2);
        assertThat(meters.get(JdbcSecurityEvents.METRIC).tag("kind", "disk-full").counter().count()).isEqualTo(1);
    }

    @Test
    void keepsLongDetailsCut() {
        events.record(new SecurityEvent("app-a", "sbx-a", "log-flood", "x".repeat(5000), T0));

        assertThat(events.list("app-a").get(0).detail()).hasSize(SecurityEvent.MAX_DETAIL);
    }
}
