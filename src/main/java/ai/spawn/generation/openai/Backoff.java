package ai.spawn.generation.openai;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before a retry: what the server asks ({@code retry-after-ms}, then {@code Retry-After} in
 * seconds or as an HTTP date), at most {@link #MAX_ASKED}; otherwise 0.5 s doubled per attempt, at most 8 s, less
 * up to a quarter of random jitter. The same rule as the Anthropic SDK's. Stateless.
 */
final class Backoff {

    static final Duration MAX_ASKED = Duration.ofSeconds(60);

    private Backoff() {
    }

    static Duration delay(int attempt, HttpHeaders headers) {
        Duration asked = headers == null ? null : asked(headers);
        if (asked != null && !asked.isNegative() && !asked.isZero()) {
            return asked.compareTo(MAX_ASKED) > 0 ? MAX_ASKED : asked;
        }
        double seconds = Math.min(0.5 * Math.pow(2, attempt - 1), 8.0);
        double jitter = 1.0 - 0.25 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) (seconds * jitter * 1000));
    }

    private static Duration asked(HttpHeaders headers) {
        String ms = headers.firstValue("retry-after-ms").orElse(null);
        if (ms != null) {
            try {
                return Duration.ofNanos((long) (Double.parseDouble(ms.strip()) * 1_000_000));
            } catch (NumberFormatException e) {
                // fall through to Retry-After
            }
        }
        String value = headers.firstValue("retry-after").orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofNanos((long) (Double.parseDouble(value.strip()) * 1_000_000_000));
        } catch (NumberFormatException e) {
            try {
                return Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
