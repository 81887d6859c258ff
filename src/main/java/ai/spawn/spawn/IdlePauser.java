package ai.spawn.spawn;

import java.time.Clock;

import ai.spawn.gateway.AppActivity;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxException;
import ai.spawn.spawn.AppStates.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Freezes LIVE apps that had no gateway traffic for {@code spawnai.apps.idle-pause}: their processes get no cpu
 * and keep their memory. The next request wakes the app before it is passed on (the gateway runs the wake off its
 * event loop); paused apps still expire on their deadline. The app's status stays LIVE; {@code paused} says it.
 */
@Component
class IdlePauser {

    private static final Logger log = LoggerFactory.getLogger(IdlePauser.class);

    private final AppActivity activity;
    private final Runs runs;
    private final AppRepository apps;
    private final AppRoutes routes;
    private final AppStates states;
    private final AppGateway gateway;
    private final SpawnProperties properties;
    private final Clock clock;

    IdlePauser(AppActivity activity, Runs runs, AppRepository apps, AppRoutes routes, AppStates states,
               AppGateway gateway, SpawnProperties properties, Clock clock) {
        this.activity = activity;
        this.runs = runs;
        this.apps = apps;
        this.routes = routes;
        this.states = states;
        this.gateway = gateway;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${spawnai.apps.idle-check:PT15S}", initialDelayString = "${spawnai.apps.idle-check:PT15S}")
    void pauseIdleApps() {
        for (String appId : activity.idleSince(clock.instant().minus(properties.idlePause()))) {
            Sandbox sandbox = runs.find(appId).map(Run::sandbox).orElse(null);
            App app = apps.find(appId).orElse(null);
            if (sandbox == null || app == null || app.status() != SpawnState.LIVE || sandbox.isPaused()) {
                continue;
            }
            try {
                sandbox.pause();
            } catch (SandboxException | UnsupportedOperationException e) {
                log.debug("app {} could not be paused: {}", appId, e.getMessage());
                activity.touch(appId);
                continue;
            }
            routes.paused(appId, () -> wake(appId, sandbox));
            gateway.disconnect(appId);
            states.emit(app, Progress.of("pause", 100, "paused after " + properties.idlePause().toMinutes()
                    + " min without traffic; the next request wakes it"));
        }
    }

    /** Thaws the app; runs on a gateway worker before the request that woke it is passed on. */
    private void wake(String appId, Sandbox sandbox) {
        sandbox.resume();
        routes.resumed(appId);
        activity.touch(appId);
        apps.find(appId).ifPresent(app -> states.emit(app, Progress.of("resume", 100, "woken by a request")));
    }
}
