package ai.spawn.spawn;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ai.spawn.generation.AppBundle;
import ai.spawn.sandbox.ExecResult;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxCapacityException;
import ai.spawn.sandbox.SandboxException;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxProvider;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.spawn.AppStates.Progress;
import ai.spawn.spawn.StepClock.Step;
import ai.spawn.text.TerminalText;
import org.springframework.stereotype.Component;

/**
 * Puts a validated bundle into a sandbox and waits until it answers: provision, write files, install, start,
 * health-check. {@link #deployFresh} moves the app through the states on the way; {@link #redeploy} replaces the
 * running version in the same sandbox while the app stays UPDATING. Failures are {@link StepFailure}s.
 */
@Component
class Deployer {

    static final int LOG_LINES_IN_REASON = 20;
    private static final Duration CAPACITY_WAIT = Duration.ofMinutes(2);

    private final AppRepository apps;
    private final AppStates states;
    private final SandboxProvider sandboxes;
    private final SandboxLimits limits;
    private final HealthProbe health;
    private final AppRoutes routes;
    private final AppGateway gateway;
    private final LogArchive logArchive;
    private final StepClock stepClock;
    private final SpawnProperties properties;
    private final CrashWatch crashes;

    Deployer(AppRepository apps, AppStates states, SandboxProvider sandboxes, SandboxLimits limits,
             HealthProbe health, AppRoutes routes, AppGateway gateway, LogArchive logArchive, StepClock stepClock,
             SpawnProperties properties, CrashWatch crashes) {
        this.crashes = crashes;
        this.apps = apps;
        this.states = states;
        this.sandboxes = sandboxes;
        this.limits = limits;
        this.health = health;
        this.routes = routes;
        this.gateway = gateway;
        this.logArchive = logArchive;
        this.stepClock = stepClock;
        this.properties = properties;
    }

    /** Deploys into a new sandbox, moving the app PROVISIONING → (INSTALLING) → STARTING → LIVE. */
    void deployFresh(Run run, String appId, AppBundle bundle, String provisionMessage) throws InterruptedException {
        crashes.reset(appId);
        List<Step> plan = plan(bundle);
        long t0 = System.nanoTime();
        states.transition(appId, SpawnState.PROVISIONING, new Progress(Step.PROVISION.wire, Step.PROVISION.percent,
                stepClock.etaFrom(Step.PROVISION, plan), provisionMessage));
        Sandbox sandbox = provision(run, appId, bundle);
        stepClock.record(Step.PROVISION, elapsedMillis(t0));
        if (bundle.needsInstall()) {
            App app = states.transition(appId, SpawnState.INSTALLING, new Progress(Step.INSTALL.wire,
                    Step.INSTALL.percent, stepClock.etaFrom(Step.INSTALL, plan), "running " + bundle.install()));
            install(app, sandbox, bundle);
        }
        t0 = System.nanoTime();
        App starting = states.transition(appId, SpawnState.STARTING, new Progress(Step.START.wire,
                Step.START.percent, stepClock.etaFrom(Step.START, plan), "starting: " + bundle.start()));
        start(appId, sandbox, bundle);
        stepClock.record(Step.START, elapsedMillis(t0));
        awaitHealthy(starting, sandbox, bundle, plan);
        states.transition(appId, SpawnState.LIVE, new Progress(Step.LIVE.wire, 100, null, "live at "
                + gateway.appUrl(appId, bundle.port())));
    }

    /** Replaces the app's running version in its sandbox with {@code bundle}; the app stays UPDATING. */
    void redeploy(Run run, App app, AppBundle bundle) throws InterruptedException {
        Sandbox sandbox = run.sandbox();
        if (sandbox == null) {
            throw new StepFailure(Step.PROVISION, "the app has no sandbox on this node");
        }
        states.emit(app, Progress.of("update", Step.PROVISION.percent, "writing " + bundle.files().size()
                + " files"));
        try {
            sandbox.writeFiles(bundle.files());
        } catch (SandboxException e) {
            throw new StepFailure(Step.PROVISION, "the files could not be written: " + e.getMessage());
        }
        if (bundle.needsInstall()) {
            states.emit(app, Progress.of("update", Step.INSTALL.percent, "running " + bundle.install()));
            install(app, sandbox, bundle);
        }
        states.emit(app, Progress.of("update", Step.START.percent, "restarting: " + bundle.start()));
        start(app.id(), sandbox, bundle);
        awaitHealthy(app, sandbox, bundle, List.of(Step.HEALTH));
    }

    private Sandbox provision(Run run, String appId, AppBundle bundle) throws InterruptedException {
        Sandbox sandbox = null;
        SandboxSpec spec = new SandboxSpec(appId, bundle.runtime().wireName(), limits,
                Map.of("PORT", Integer.toString(bundle.port())));
        long deadline = System.nanoTime() + CAPACITY_WAIT.toNanos();
        while (sandbox == null) {
            try {
                sandbox = sandboxes.create(spec);
            } catch (SandboxCapacityException full) {
                // the machine is full (sandboxes or memory): wait for room rather than fail, for a while
                if (System.nanoTime() > deadline) {
                    throw new StepFailure(Step.PROVISION, "the machine has had no room for another sandbox for "
                            + CAPACITY_WAIT.toSeconds() + " s: " + full.getMessage());
                }
                apps.find(appId).ifPresent(a -> states.emit(a, Progress.of(Step.PROVISION.wire,
                        Step.PROVISION.percent, "waiting for room on the machine: " + full.getMessage())));
                Thread.sleep(full.retryAfter().toMillis());
            } catch (SandboxException e) {
                throw new StepFailure(Step.PROVISION, "no sandbox could be created: " + e.getMessage());
            }
        }
        Sandbox created = sandbox;
        run.sandbox(created);
        run.cleanups().register("sandbox " + created.id(), () -> {
            try {
                logArchive.keep(appId, created.logs(500));
            } catch (SandboxException alreadyGone) {
                // nothing left to keep
            }
            created.destroy();
        });
        apps.update(appId, a -> a.withSandbox(created.id()));
        try {
            created.writeFiles(bundle.files());
        } catch (SandboxException e) {
            throw new StepFailure(Step.PROVISION, "the files could not be written: " + e.getMessage());
        }
        return created;
    }

    private void install(App app, Sandbox sandbox, AppBundle bundle) {
        ExecResult result = sandbox.exec(bundle.install(), properties.installTimeout(),
                line -> states.emit(app, Progress.of(Step.INSTALL.wire, Step.INSTALL.percent, line)));
        if (!result.succeeded()) {
            throw new StepFailure(Step.INSTALL, (result.timedOut() ? "the install command timed out after "
                    + properties.installTimeout().toSeconds() + " s" : "the install command failed with exit code "
                    + result.exitCode()) + lastLines(result.lastLines()));
        }
        stepClock.record(Step.INSTALL, result.durationMillis());
    }

    /** Starts the current version again in its sandbox after a crash: CRASHED → STARTING → LIVE. */
    void restartInPlace(Run run, String appId, AppBundle bundle, String message) throws InterruptedException {
        Sandbox sandbox = run.sandbox();
        App starting = states.transition(appId, SpawnState.STARTING, Progress.of(Step.START.wire,
                Step.START.percent, message));
        start(appId, sandbox, bundle);
        awaitHealthy(starting, sandbox, bundle, List.of(Step.HEALTH));
        states.transition(appId, SpawnState.LIVE, a -> a.withError(null, null), new Progress(Step.LIVE.wire, 100,
                null, "live again at " + gateway.appUrl(appId, bundle.port())));
    }

    private void start(String appId, Sandbox sandbox, AppBundle bundle) {
        try {
            sandbox.start(bundle.start(), bundle.port());
        } catch (SandboxException e) {
            throw new StepFailure(Step.START, "the app could not be started: " + e.getMessage());
        }
        routes.attach(appId, bundle.port(), sandbox.endpoint());
        crashes.watch(appId, sandbox, this);
    }

    private void awaitHealthy(App app, Sandbox sandbox, AppBundle bundle, List<Step> plan)
            throws InterruptedException {
        long t0 = System.nanoTime();
        states.emit(app, new Progress(Step.HEALTH.wire, Step.HEALTH.percent, stepClock.etaFrom(Step.HEALTH, plan),
                "waiting for the app to answer HTTP on port " + bundle.port()));
        HealthProbe.Result result = health.await(app.id(), bundle.port(), properties.healthTimeout(),
                sandbox::isRunning);
        if (!result.healthy()) {
            throw new StepFailure(Step.HEALTH, result.message() + lastLines(sandbox.logs(LOG_LINES_IN_REASON)));
        }
        stepClock.record(Step.HEALTH, elapsedMillis(t0));
    }

    /** The steps ahead; before generation the install step is assumed absent, as it is for most apps. */
    static List<Step> plan(AppBundle bundle) {
        return bundle != null && bundle.needsInstall()
                ? List.of(Step.GENERATE, Step.VALIDATE, Step.PROVISION, Step.INSTALL, Step.START, Step.HEALTH)
                : List.of(Step.GENERATE, Step.VALIDATE, Step.PROVISION, Step.START, Step.HEALTH);
    }

    static String lastLines(List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_REASON), lines.size());
        return "\nlast output:\n" + TerminalText.clean(String.join("\n", tail));
    }

    static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
