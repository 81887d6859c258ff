package ai.spawn.sandbox.local;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class FloodMeterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final FloodMeter meter = new FloodMeter(100, 10_000, Duration.ofSeconds(10), nanos::get);

    private int feed(int lines, int length) {
        int trips = 0;
        for (int i = 0; i < lines; i++) {
            trips += meter.add(length) ? 1 : 0;
        }
        return trips;
    }

    @Test
    void tripsOncePerWindowWhenTooManyLinesArrive() {
        assertThat(feed(100, 10)).isZero();
        assertThat(feed(1, 10)).isOne();
        assertThat(feed(1000, 10)).isZero();

        nanos.addAndGet(Duration.ofSeconds(10).toNanos());

        assertThat(feed(100, 10)).isZero();
        assertThat(feed(5, 10)).isOne();
    }

    @Test
    void tripsWhenTooManyBytesArrive() {
        assertThat(feed(9, 1000)).isZero();
        assertThat(feed(2, 1000)).isOne();
    }

    @Test
    void aBusyButSteadyLogIsNoFlood() {
        for (int second = 0; second < 60; second++) {
            assertThat(feed(9, 100)).isZero();
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        }
    }

    @Test
    void describesItsThresholds() {
        assertThat(new FloodMeter().describe()).isEqualTo("more than 50000 lines or 8 MiB in 10 s");
    }
}
