package ai.spawn.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ai.spawn.progress.EventBus;
import ai.spawn.progress.SpawnEvent;
import ai.spawn.spawn.SpawnService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/apps/{id}/events}: server-sent events, the stored history first, then live events. Each SSE
 * frame has {@code id:} = the event's sequence number, so a reconnecting client resumes with
 * {@code Last-Event-ID}. The stream ends when the app is destroyed or expired, or after 30 minutes; a comment
 * every 15 s keeps it alive.
 */
@RestController
@RequestMapping("/api/v1/apps/{id}/events")
class EventsController {

    private static final long TIMEOUT_MS = Duration.ofMinutes(30).toMillis();

    private final SpawnService spawns;
    private final EventBus events;
    private final OpenStreams open;

    EventsController(SpawnService spawns, EventBus events, OpenStreams open) {
        this.spawns = spawns;
        this.events = events;
        this.open = open;
    }

    @GetMapping(produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.ALL_VALUE})
    SseEmitter stream(@RequestAttribute(SessionAuth.SESSION_ATTRIBUTE) String session, @PathVariable String id,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        spawns.checkOwner(session, id);
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        long after = parseSeq(lastEventId);
        open.add(emitter, events.subscribe(id, after, event -> send(emitter, event)));
        return emitter;
    }

    /** The stored events as one JSON document, for clients that do not stream. */
    @GetMapping(path = "/history", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, List<EventJson>> history(@RequestAttribute(SessionAuth.SESSION_ATTRIBUTE) String session,
                                         @PathVariable String id) {
        return Map.of("events", spawns.events(session, id).stream().map(EventJson::of).toList());
    }

    private static void send(SseEmitter emitter, SpawnEvent event) {
        try {
            emitter.send(SseEmitter.event().id(Long.toString(event.seq())).name("progress")
                    .data(EventJson.of(event), MediaType.APPLICATION_JSON));
            if (EventJson.isLast(event)) {
                emitter.complete();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; the bus closes the subscription when this listener throws
            throw new IllegalStateException("event stream closed", e);
        }
    }

    private static long parseSeq(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(lastEventId.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
