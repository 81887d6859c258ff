package ai.spawn.cli;

import java.time.Instant;

/** API answers as the server writes them (AppView, lists, events), for the fake server. */
final class Samples {

    static final String LIVE_APP = """
            {"id":"app1","status":"LIVE","title":"Pomodoro timer","prompt":"a pomodoro timer",\
            "url":"http://3000-app1.localhost:8081/","createdAt":"2026-03-01T11:55:00Z",\
            "expiresAt":"2026-03-01T12:59:30Z","runtime":"node","version":1,"files":["index.html","server.js"]}""";

    static final String FAILED_APP = """
            {"id":"app1","status":"FAILED","prompt":"a pomodoro timer","createdAt":"2026-03-01T11:55:00Z",\
            "expiresAt":"2026-03-01T12:59:30Z","error":{"step":"install","message":"npm ERR! 404 left-pad\\nexit 1"},\
            "runtime":"node","version":1}""";

    static final String CREATED = """
            {"id":"app1","status":"QUEUED","eventsUrl":"/api/v1/apps/app1/events","url":null}""";

    private Samples() {
    }

    static String event(long seq, String step, String status, int percent, Long eta, String message) {
        return event(seq, step, status, percent, eta, message, Instant.parse("2026-03-01T12:00:00Z").plusSeconds(seq));
    }

    static String event(long seq, String step, String status, int percent, Long eta, String message, Instant time) {
        return "{\"appId\":\"app1\",\"seq\":" + seq + ",\"step\":\"" + step + "\",\"status\":\"" + status
                + "\",\"percent\":" + percent + (eta == null ? "" : ",\"etaMillis\":" + eta) + ",\"message\":\""
                + message + "\",\"time\":\"" + time + "\"}";
    }

    static String app(String status, int version, String extra) {
        return LIVE_APP.replace("\"status\":\"LIVE\"", "\"status\":\"" + status + "\"")
                .replace("\"version\":1", "\"version\":" + version + extra);
    }
}
