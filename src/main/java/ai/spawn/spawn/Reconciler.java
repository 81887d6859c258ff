package ai.spawn.spawn;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;

import ai.spawn.sandbox.SandboxProvider;
import ai.spawn.spawn.AppStates.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start-up, makes the database and the machine agree. Sandboxes left by an earlier run are destroyed (their
 * processes died with it); LIVE apps are started again from their stored files; apps that were being made are
 * marked FAILED with a reason, so the user can retry. Nothing is silently lost. Assumes one SpawnAI node owns the
 * apps of its database.
 */
@Component
class Reconciler implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final Duration ROUTE_MEMORY = Duration.ofDays(7);

    private final AppRepository apps;
    private final AppStates states;
    private final AppRoutes routes;
    private final SandboxProvider sandboxes;
    private final SpawnPipeline pipeline;
    private final ExecutorService workers;
    private final Clock clock;

    Reconciler(AppRepository apps, AppStates states, AppRoutes routes, SandboxProvider sandboxes,
               SpawnPipeline pipeline,
               @Qualifier("spawnWorkers") ExecutorService workers, Clock clock) {
        this.apps = apps;
        this.states = states;
        this.routes = routes;
        this.sandboxes = sandboxes;
        this.pipeline = pipeline;
        this.workers = workers;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (App app : apps.findUpdatedSince(clock.instant().minus(ROUTE_MEMORY))) {
            routes.stateChanged(app);
        }
        for (String leftover : sandboxes.list()) {
            log.info("destroying sandbox {} left by an earlier run", leftover);
            sandboxes.destroy(leftover);
        }
        int restarted = 0;
        int failed = 0;
        for (App found : apps.findByStatus(EnumSet.of(SpawnState.QUEUED, SpawnState.GENERATING,
                SpawnState.VALIDATING, SpawnState.PROVISIONING, SpawnState.INSTALLING, SpawnState.STARTING,
                SpawnState.LIVE, SpawnState.UPDATING, SpawnState.CRASHED))) {
            App app = found;
            if (app.status() == SpawnState.UPDATING) {
                // the update was interrupted: serve the current version again
                app = states.transition(app.id(), SpawnState.LIVE, Progress.of("update", 100,
                        "SpawnAI restarted during an update; version " + app.currentVersion() + " keeps serving"));
            }
            if ((app.status() == SpawnState.LIVE || app.status() == SpawnState.CRASHED) && app.currentVersion() > 0) {
                String id = app.id();
                workers.execute(() -> pipeline.restart(id));
                restarted++;
            } else {
                try {
                    states.transition(app.id(), SpawnState.FAILED, a -> a.withSandbox(null).withError("restart",
                            "SpawnAI restarted while this app was being made; retry it"),
                            Progress.of("restart", 0, "failed: SpawnAI restarted while this app was being made"));
                    failed++;
                } catch (InvalidStateTransitionException e) {
                    log.debug("app {} changed during reconcile", app.id());
                }
            }
        }
        if (restarted + failed > 0) {
            log.info("reconciled: {} live apps restarting from their stored files, {} interrupted apps failed",
                    restarted, failed);
        }
    }
}
