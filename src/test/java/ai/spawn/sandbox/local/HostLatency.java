package ai.spawn.sandbox.local;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures how quickly the host starts a process ({@code /bin/true}, fork + exec + wait), for tests that show a
 * sandbox under attack leaves the host responsive. The figures are logged, never asserted: timings are noisy on
 * shared machines.
 */
final class HostLatency {

    private HostLatency() {
    }

    /** Spawns {@code /bin/true} again and again for {@code duration} (at least 5 times). */
    static String sample(Duration duration) {
        List<Long> micros = new ArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        while (micros.size() < 5 || System.nanoTime() < end) {
            long start = System.nanoTime();
            try {
                new ProcessBuilder("/bin/true").redirectOutput(new File("/dev/null")).start().waitFor();
            } catch (IOException e) {
                return "cannot start /bin/true: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            micros.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(micros);
        return String.format("fork+exec+wait of /bin/true: median %.2f ms, p95 %.2f ms, max %.2f ms over %d runs",
                micros.get(micros.size() / 2) / 1000.0, micros.get(micros.size() * 95 / 100) / 1000.0,
                micros.get(micros.size() - 1) / 1000.0, micros.size());
    }
}
