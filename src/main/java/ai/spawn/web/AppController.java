package ai.spawn.web;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.Runtime;
import ai.spawn.spawn.AppView;
import ai.spawn.spawn.InvalidAppRequestException;
import ai.spawn.spawn.NewApp;
import ai.spawn.spawn.SpawnService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Apps of the caller's session: create, read, logs, extend, retry, destroy. */
@RestController
@RequestMapping("/api/v1/apps")
class AppController {

    static final String STATIC_START = "node /opt/spawnai/static-server.js";
    private static final int DEFAULT_PORT = 3000;
    private static final int MAX_LOG_LINES = 1000;
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,4})\\s*(m|min|h|d)");

    private final SpawnService spawns;

    AppController(SpawnService spawns) {
        this.spawns = spawns;
    }

    @PostMapping
    ResponseEntity<Created> create(@RequestAttribute(SessionAuth.SESSION_ATTRIBUTE) String session,
                                   @RequestBody(required = false) CreateAppRequest body) {
        if (body == null) {
            throw new InvalidAppRequestException(null, "send a JSON body with 'prompt' or 'bundle'");
        }
        AppView app = spawns.create(session, new NewApp(body.prompt(), toBundle(body.bundle())));
        String self = "/api/v1/apps/" + app.id();
        return ResponseEntity.accepted().location(URI.create(self))
                .body(new Created(app.id(), app.status().name(), self + "/events", app.url()));
    }

    @GetMapping
    Map<String, List<AppView>> list(@RequestAttribute(SessionAuth.SESSION_ATTRIBUTE) String session) {
        return Map.of("apps", spawns.list(session));
    }

    @GetMapping("/{id}")
    AppView get(@RequestAttribute(SessionAuth.SESSION_ATTRIBUTE) String session, @PathVariable String id) {
        return spawns.get(session, id);
    }

    @GetMapping("/{id}/logs")
    Logs logs(@RequestAttribute(SessionAuth.SESSION_ATTRIBUTE) String session, @PathVariable String id,
              @RequestParam(defaultValue = "200") int lines) {
        if (lines < 1 || lines > MAX_LOG_LINES) {
            throw new InvalidAppRequestException("lines", "lines must be between 1 and " + MAX_LOG_LINES);
        }
        return new Logs(id, spawns.logs(session, id, lines));
    }

    @PostMapping("/{id}/extend")
    AppView extend(@RequestAttribute(SessionAuth.SESSION_ATTRIBUTE) String session, @PathVariable String id,
                   @RequestBody(required = false) Map<String, String> body) {
        String raw = body == null ? null : body.get("duration");
        return spawns.extend(session, id, parseDuration(raw));
    }

    @PostMapping("/{id}/retry")
    ResponseEntity<AppView> retry(@RequestAttribute(SessionAuth.SESSION_ATTRIBUTE) String session,
                                  @PathVariable String id) {
        return ResponseEntity.accepted().body(spawns.retry(session, id));
    }

    @DeleteMapping("/{id}")
    AppView destroy(@RequestAttribute(SessionAuth.SESSION_ATTRIBUTE) String session, @PathVariable String id) {
        return spawns.destroy(session, id);
    }

    static Duration parseDuration(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidAppRequestException("duration", "send {\"duration\":\"PT1H\"} (ISO-8601, or 30m, 2h, 1d)");
        }
        String text = raw.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT_DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofMinutes(n);
            };
        }
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new InvalidAppRequestException("duration", "'" + raw
                    + "' is not a duration; use ISO-8601 such as PT1H, or 30m, 2h, 1d");
        }
    }

    private static AppBundle toBundle(CreateAppRequest.BundleRequest b) {
        if (b == null) {
            return null;
        }
        Runtime runtime;
        try {
            runtime = Runtime.fromWire(b.runtime());
        } catch (IllegalArgumentException e) {
            throw new InvalidAppRequestException("bundle.runtime", e.getMessage());
        }
        if (b.files() == null || b.files().isEmpty()) {
            throw new InvalidAppRequestException("bundle.files", "the bundle needs at least one file");
        }
        if (b.files().values().stream().anyMatch(v -> v == null)) {
            throw new InvalidAppRequestException("bundle.files", "every file needs a string content");
        }
        String start = b.start();
        if (start == null || start.isBlank()) {
            if (runtime != Runtime.STATIC) {
                throw new InvalidAppRequestException("bundle.start", "the bundle needs a start command, e.g. "
                        + (runtime == Runtime.NODE ? "\"node server.js\"" : "\"python3 app.py\""));
            }
            start = STATIC_START;
        }
        int port = b.port() == null ? DEFAULT_PORT : b.port();
        return new AppBundle(b.title(), runtime, b.files(), b.install(), start, port, null);
    }

    /** Answer of {@code POST /api/v1/apps}. */
    record Created(String id, String status, String eventsUrl, String url) { }

    /** Answer of {@code GET /api/v1/apps/{id}/logs}. */
    record Logs(String id, List<String> lines) { }
}
