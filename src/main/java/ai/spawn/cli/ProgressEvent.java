package ai.spawn.cli;

import java.time.Instant;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * One progress event as the API sends it ({@code data:} of an SSE frame).
 *
 * @param seq       position in the app's stream, from 1
 * @param step      pipeline step ({@code generate}, {@code install}, {@code live}, ...)
 * @param status    the app's status after it
 * @param percent   overall progress 0–100
 * @param etaMillis estimated milliseconds until LIVE, or {@code null}
 * @param message   readable line, or {@code null}
 * @param time      when it happened, or {@code null}
 */
record ProgressEvent(long seq, String step, String status, int percent, Long etaMillis, String message,
                     Instant time) {

    /** Statuses after which nothing more happens without a new request. */
    static final Set<String> SETTLED = Set.of("LIVE", "FAILED", "EXPIRED", "DESTROYED");

    static ProgressEvent of(JsonNode data) {
        Long seq = Json.number(data, "seq");
        Long percent = Json.number(data, "percent");
        return new ProgressEvent(seq == null ? 0 : seq, Json.text(data, "step", "?"), Json.text(data, "status", "?"),
                percent == null ? 0 : (int) Math.max(0, Math.min(100, percent)), Json.number(data, "etaMillis"),
                Json.text(data, "message"), Json.instant(data, "time"));
    }

    /** Whether the app may have reached the end of what it was asked to do. */
    boolean settled() {
        return SETTLED.contains(status);
    }
}
