package ai.spawn.web;

import java.util.List;
import java.util.Map;

import ai.spawn.security.SecurityEvent;
import ai.spawn.security.SecurityEvents;
import ai.spawn.spawn.SpawnService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/apps/{id}/security-events}: limits the app hit and what it was refused, newest first. */
@RestController
class SecurityEventsController {

    private final SpawnService spawns;
    private final SecurityEvents security;

    SecurityEventsController(SpawnService spawns, SecurityEvents security) {
        this.spawns = spawns;
        this.security = security;
    }

    @GetMapping("/api/v1/apps/{id}/security-events")
    Map<String, List<SecurityEvent>> list(@RequestAttribute(SessionAuth.SESSION_ATTRIBUTE) String session,
                                          @PathVariable String id) {
        spawns.checkOwner(session, id);
        return Map.of("events", security.list(id));
    }
}
