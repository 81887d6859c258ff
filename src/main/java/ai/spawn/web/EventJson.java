package ai.spawn.web;

import java.time.Instant;

import ai.spawn.progress.SpawnEvent;

/**
 * The wire form of a progress event (SSE and WebSocket).
 *
 * @param appId     the app
 * @param seq       position in the app's stream, from 1
 * @param step      pipeline step
 * @param status    the app's status
 * @param percent   overall progress 0–100
 * @param etaMillis estimated milliseconds until LIVE, when known
 * @param message   readable line
 * @param time      when it happened
 */
record EventJson(String appId, long seq, String step, String status, int percent, Long etaMillis, String message,
                 Instant time) {

    static EventJson of(SpawnEvent e) {
        return new EventJson(e.appId(), e.seq(), e.step(), e.status(), e.percent(), e.etaMillis(), e.message(),
                e.time());
    }

    /** After this event nothing more will happen to the app. */
    static boolean isLast(SpawnEvent e) {
        return "DESTROYED".equals(e.status()) || "EXPIRED".equals(e.status());
    }
}
