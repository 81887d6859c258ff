package ai.spawn.sandbox.local;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Tells a log flood from a busy log: counts output lines and bytes per fixed window and trips once per window in
 * which either passes its threshold. Not thread-safe: one output pump feeds it.
 */
final class FloodMeter {

    static final long LINES = 50_000;
    static final long BYTES = 8L << 20;
    static final Duration WINDOW = Duration.ofSeconds(10);

    private final long maxLines;
    private final long maxBytes;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private long windowStart;
    private long lines;
    private long bytes;
    private boolean tripped;
    private boolean started;

    FloodMeter() {
        this(LINES, BYTES, WINDOW, System::nanoTime);
    }

    FloodMeter(long maxLines, long maxBytes, Duration window, LongSupplier nanoTime) {
        this.maxLines = maxLines;
        this.maxBytes = maxBytes;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Counts one line of {@code length} bytes; {@code true} when this line makes the current window a flood. */
    boolean add(int length) {
        long now = nanoTime.getAsLong();
        if (!started || now - windowStart >= windowNanos) {
            started = true;
            windowStart = now;
            lines = 0;
            bytes = 0;
            tripped = false;
        }
        lines++;
        bytes += length + 1;
        if (!tripped && (lines > maxLines || bytes > maxBytes)) {
            tripped = true;
            return true;
        }
        return false;
    }

    /** Description of the thresholds, for messages. */
    String describe() {
        return "more than " + maxLines + " lines or " + (maxBytes >> 20) + " MiB in " + windowNanos / 1_000_000_000
                + " s";
    }
}
