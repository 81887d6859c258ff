package ai.spawn.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Short human durations: {@code 0.4s}, {@code 12s}, {@code 59m}, {@code 1h 05m}, {@code 2d 03h}. */
final class TimeText {

    private TimeText() {
    }

    /** An estimate in milliseconds: {@code 0.4s}, {@code 12s}, {@code 1m05s}. */
    static String eta(long millis) {
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1fs", Math.max(0, millis) / 1000.0);
        }
        long seconds = Math.round(millis / 1000.0);
        return seconds < 60 ? seconds + "s" : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }

    /** How long until {@code when}, rounded down to minutes: {@code 59m}; {@code <1m}; {@code passed}. */
    static String until(Instant when, Instant now) {
        if (when == null) {
            return "-";
        }
        Duration left = Duration.between(now, when);
        if (left.isNegative() || left.isZero()) {
            return "passed";
        }
        return left.toMinutes() == 0 ? "<1m" : span(left);
    }

    /** How long ago {@code when} was: {@code 5m ago}. */
    static String ago(Instant when, Instant now) {
        if (when == null) {
            return "-";
        }
        Duration past = Duration.between(when, now);
        return past.toMinutes() <= 0 ? "just now" : span(past) + " ago";
    }

    private static String span(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return String.format(Locale.ROOT, "%dd %02dh", days, hours);
        }
        if (hours > 0) {
            return String.format(Locale.ROOT, "%dh %02dm", hours, minutes);
        }
        return minutes + "m";
    }
}
