package ai.spawn.progress;

import java.time.Instant;

/**
 * One progress event of an app. Events of an app are numbered from 1 in the order they happened.
 *
 * @param appId      the app
 * @param seq        position in the app's event stream, from 1 ({@code 0} before it is published)
 * @param step       pipeline step: {@code queued}, {@code generate}, {@code validate}, {@code provision},
 *                   {@code install}, {@code start}, {@code health}, {@code live}, {@code expire}, {@code destroy}...
 * @param status     the app's status when the event happened (a {@code SpawnState} name)
 * @param percent    overall progress 0–100
 * @param etaMillis  estimated milliseconds until LIVE, or {@code null} when unknown or finished
 * @param message    human-readable line
 * @param time       when it happened
 */
public record SpawnEvent(String appId, long seq, String step, String status, int percent, Long etaMillis,
                         String message, Instant time) {

    /** The same event with its sequence number. */
    public SpawnEvent withSeq(long newSeq) {
        return new SpawnEvent(appId, newSeq, step, status, percent, etaMillis, message, time);
    }
}
