package ai.spawn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class AppActivityTest {

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final AppActivity activity = new AppActivity(clock);

    @Test
    void remembersTheLastRequestOrBytesOfEachApp() {
        Instant start = clock.instant();
        activity.onRequest("a", 3000);
        clock.advance(Duration.ofMinutes(5));
        activity.onBytes("b", 10, 0);

        assertThat(activity.lastActive("a")).hasValue(start);
        assertThat(activity.lastActive("b")).hasValue(start.plus(Duration.ofMinutes(5)));
        assertThat(activity.lastActive("c")).isEmpty();
    }

    @Test
    void listsAppsIdleSinceACutoff() {
        activity.touch("old");
        clock.advance(Duration.ofMinutes(11));
        activity.onRequest("fresh", 3000);

        assertThat(activity.idleSince(clock.instant().minus(Duration.ofMinutes(10)))).containsExactly("old");

        activity.onBytes("old", 0, 5);
        assertThat(activity.idleSince(clock.instant().minus(Duration.ofMinutes(10)))).isEmpty();
    }

    @Test
    void forgetsApps() {
        activity.touch("gone");

        activity.forget("gone");

        assertThat(activity.lastActive("gone")).isEmpty();
        assertThat(activity.idleSince(clock.instant().plusSeconds(1))).isEmpty();
    }
}
