package ai.spawn.usage;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spawn.sandbox.SandboxUsage;
import org.junit.jupiter.api.Test;

class SandboxSamplesTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void averagesMemoryOverTimeEachReadingHoldingUntilTheNext() {
        SandboxSamples samples = new SandboxSamples(0, new SandboxUsage(0, 100, 100));
        samples.add(SECOND, new SandboxUsage(0, 300, 300));

        assertThat(samples.averageMemory(SECOND)).isEqualTo(100);
        assertThat(samples.averageMemory(3 * SECOND)).isEqualTo((100 + 300 + 300) / 3);
        assertThat(samples.peak()).isEqualTo(300);
    }

    @Test
    void aSingleReadingIsItsOwnAverage() {
        assertThat(new SandboxSamples(5, new SandboxUsage(0, 42, 50)).averageMemory(5)).isEqualTo(42);
    }

    @Test
    void reportsCpuUsedSinceTheLastReading() {
        SandboxSamples samples = new SandboxSamples(0, new SandboxUsage(1000, 0, 0));

        assertThat(samples.add(SECOND, new SandboxUsage(1500, 0, 0))).isEqualTo(500);
        assertThat(samples.add(2 * SECOND, new SandboxUsage(1500, 0, 0))).isZero();
        assertThat(samples.last().cpuMillis()).isEqualTo(1500);
    }

    @Test
    void aGoneSandboxsAverageStopsMoving() {
        SandboxSamples samples = new SandboxSamples(0, new SandboxUsage(0, 100, 100));
        samples.add(SECOND, new SandboxUsage(0, 300, 300));

        samples.gone(2 * SECOND);

        assertThat(samples.averageMemory(10 * SECOND)).isEqualTo(100);
        assertThat(samples.goneBefore(3 * SECOND)).isTrue();
        assertThat(samples.goneBefore(SECOND)).isFalse();
    }
}
