package ai.spawn.spawn;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import ai.spawn.generation.AppBundle;
import ai.spawn.sandbox.ProcessExit;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.spawn.AppStates.Progress;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What happens when a LIVE app's process dies on its own — a crash, or a limit it hit (memory, processes, disk):
 * the app becomes CRASHED with the reason and its last output lines, the crash is counted (the provider records
 * limit hits as security events itself), and the
 * restart policy starts it again in the same sandbox up to {@code spawnai.apps.max-restarts} times (backing off).
 * After that it stays CRASHED until the user retries it.
 */
@Component
class CrashWatch {

    private static final Logger log = LoggerFactory.getLogger(CrashWatch.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

    private final AppRepository apps;
    private final AppStates states;
    private final Runs runs;
    private final BundleJson bundles;
    private final SpawnProperties properties;
    private final ExecutorService workers;
    private final MeterRegistry meters;
    private final ConcurrentMap<String, Integer> restarts = new ConcurrentHashMap<>();

    CrashWatch(AppRepository apps, AppStates states, Runs runs, BundleJson bundles, SpawnProperties properties,
               @Qualifier("spawnWorkers") ExecutorService workers, MeterRegistry meters) {
        this.apps = apps;
        this.states = states;
        this.runs = runs;
        this.bundles = bundles;
        this.properties = properties;
        this.workers = workers;
        this.meters = meters;
    }

    /** Watches the app process just started in {@code sandbox}. */
    void watch(String appId, Sandbox sandbox, Deployer deployer) {
        sandbox.onExit(exit -> {
            try {
                workers.execute(() -> crashed(appId, sandbox, exit, deployer));
            } catch (RejectedExecutionException e) {
                log.warn("app {} crashed while SpawnAI is at capacity: {}", appId, exit.detail());
            }
        });
    }

    /** Forgets the restart count of an app that was made again or ended. */
    void reset(String appId) {
        restarts.remove(appId);
    }

    private void crashed(String appId, Sandbox sandbox, ProcessExit exit, Deployer deployer) {
        Run run = runs.find(appId).orElse(null);
        if (run == null || run.sandbox() != sandbox) {
            return;
        }
        App app = apps.find(appId).orElse(null);
        if (app == null || (app.status() != SpawnState.LIVE && app.status() != SpawnState.UPDATING)) {
            return;
        }
        meters.counter("spawnai.crashes", "reason", exit.reason()).increment();
        String reason = exit.detail() + Deployer.lastLines(exit.lastLines());
        try {
            states.transition(appId, SpawnState.CRASHED, a -> a.withError("run", reason),
                    Progress.of("crash", 100, "crashed (" + exit.reason() + ", exit code " + exit.exitCode() + "): "
                            + exit.detail()));
        } catch (InvalidStateTransitionException e) {
            return;
        }
        int count = restarts.merge(appId, 1, Integer::sum);
        if (count > properties.maxRestarts()) {
            log.info("app {} crashed {} times; it stays CRASHED", appId, count);
            return;
        }
        try {
            Thread.sleep(FIRST_BACKOFF.multipliedBy(1L << (count - 1)).toMillis());
            AppBundle bundle = apps.findVersion(appId, app.currentVersion()).map(bundles::read).orElseThrow();
            deployer.restartInPlace(run, appId, bundle, "restarting after a crash (" + count + " of "
                    + properties.maxRestarts() + ")");
        } catch (StepFailure f) {
            try {
                states.transition(appId, SpawnState.CRASHED, a -> a.withError("run", f.getMessage()),
                        Progress.of("crash", 100, "the restart failed: " + f.getMessage()));
            } catch (InvalidStateTransitionException ended) {
                log.debug("app {} ended during a restart", appId);
            }
        } catch (InvalidStateTransitionException e) {
            log.debug("app {} changed during a restart: {}", appId, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
