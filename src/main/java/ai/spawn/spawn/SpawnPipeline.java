package ai.spawn.spawn;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.CodeGenerator;
import ai.spawn.generation.GenerationException;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.sandbox.ExecResult;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxException;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxProvider;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.spawn.AppStates.Progress;
import ai.spawn.spawn.StepClock.Step;
import ai.spawn.validation.CodeValidator;
import ai.spawn.validation.Finding;
import ai.spawn.validation.Severity;
import ai.spawn.validation.ValidationReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Takes one app from QUEUED to LIVE: generate, validate, provision, write files, install, start, health-check.
 * Any failure moves the app to FAILED with the step and a readable reason and tears down what was acquired; a
 * concurrent destroy or expiry stops the pipeline at its next transition.
 */
@Component
class SpawnPipeline {

    private static final Logger log = LoggerFactory.getLogger(SpawnPipeline.class);
    private static final int LOG_LINES_IN_REASON = 20;

    private final AppRepository apps;
    private final AppStates states;
    private final Runs runs;
    private final CodeGenerator generator;
    private final CodeValidator validator;
    private final SandboxProvider sandboxes;
    private final SandboxLimits limits;
    private final HealthProbe health;
    private final AppRoutes routes;
    private final AppGateway gateway;
    private final BundleJson bundles;
    private final LogArchive logArchive;
    private final StepClock stepClock;
    private final SpawnProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    SpawnPipeline(AppRepository apps, AppStates states, Runs runs, CodeGenerator generator, CodeValidator validator,
                  SandboxProvider sandboxes, SandboxLimits limits, HealthProbe health, AppRoutes routes,
                  AppGateway gateway, BundleJson bundles, LogArchive logArchive, StepClock stepClock,
                  SpawnProperties properties, MeterRegistry meters, Clock clock) {
        this.apps = apps;
        this.states = states;
        this.runs = runs;
        this.generator = generator;
        this.validator = validator;
        this.sandboxes = sandboxes;
        this.limits = limits;
        this.health = health;
        this.routes = routes;
        this.gateway = gateway;
        this.bundles = bundles;
        this.logArchive = logArchive;
        this.stepClock = stepClock;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** Makes a QUEUED app: from its prompt, or from its stored version 1 when it came as a bundle. */
    void make(String appId) {
        Run run = runs.begin(appId);
        MDC.put("spawnId", appId);
        long started = System.nanoTime();
        Step step = Step.GENERATE;
        try {
            App app = apps.find(appId).orElseThrow(() -> new AppNotFoundException(appId));
            AppBundle bundle;
            if (app.currentVersion() > 0) {
                bundle = loadVersion(app);
            } else {
                bundle = generate(app);
            }
            step = Step.VALIDATE;
            validate(appId, bundle);
            deploy(run, appId, bundle, true);
            meters.counter("spawnai.spawns", "outcome", "live").increment();
            Timer.builder("spawnai.spawn.time-to-live").register(meters)
                    .record(Duration.ofNanos(System.nanoTime() - started));
        } catch (StepFailure f) {
            fail(run, appId, f.step, f.getMessage());
        } catch (InvalidStateTransitionException e) {
            log.info("app {} changed state while being made ({}); stopping", appId, e.getMessage());
            runs.end(run);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(run, appId, step, "SpawnAI is shutting down");
        } catch (RuntimeException e) {
            log.error("app {}: unexpected failure", appId, e);
            fail(run, appId, step, "internal error: " + e.getMessage());
        } finally {
            MDC.remove("spawnId");
        }
    }

    /** Starts a LIVE app again from its stored current version (its sandbox was lost, e.g. by a host restart). */
    void restart(String appId) {
        Run run = runs.begin(appId);
        MDC.put("spawnId", appId);
        try {
            App app = apps.find(appId).orElseThrow(() -> new AppNotFoundException(appId));
            AppBundle bundle = loadVersion(app);
            deploy(run, appId, bundle, false);
        } catch (StepFailure f) {
            fail(run, appId, f.step, f.getMessage());
        } catch (InvalidStateTransitionException e) {
            runs.end(run);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(run, appId, Step.PROVISION, "SpawnAI is shutting down");
        } catch (RuntimeException e) {
            log.error("app {}: unexpected failure on restart", appId, e);
            fail(run, appId, Step.PROVISION, "internal error: " + e.getMessage());
        } finally {
            MDC.remove("spawnId");
        }
    }

    private AppBundle loadVersion(App app) {
        String stored = apps.findVersion(app.id(), app.currentVersion())
                .orElseThrow(() -> new StepFailure(Step.GENERATE, "version " + app.currentVersion() + " is missing"));
        return bundles.read(stored);
    }

    private AppBundle generate(App app) {
        List<Step> plan = plan(null);
        states.transition(app.id(), SpawnState.GENERATING, new Progress(Step.GENERATE.wire, Step.GENERATE.percent,
                stepClock.etaFrom(Step.GENERATE, plan), "generating with the " + generator.engine() + " engine"));
        long t0 = System.nanoTime();
        AppBundle bundle;
        try {
            bundle = generator.generate(GenerationRequest.newApp(app.prompt()), new GenerationListener() {
                @Override
                public void progress(String message) {
                    states.emit(app, Progress.of(Step.GENERATE.wire, Step.GENERATE.percent, message));
                }

                @Override
                public void fileWritten(String path) {
                    states.emit(app, Progress.of(Step.GENERATE.wire, Step.GENERATE.percent, "wrote " + path));
                }
            });
        } catch (GenerationException e) {
            throw new StepFailure(Step.GENERATE, e.getMessage());
        }
        stepClock.record(Step.GENERATE, elapsedMillis(t0));
        apps.insertVersion(app.id(), 1, bundles.write(bundle), "prompt", clock.instant());
        apps.update(app.id(), a -> a.withVersion(1, bundle.title(), bundle.runtime().wireName(), bundle.port()));
        return bundle;
    }

    private void validate(String appId, AppBundle bundle) {
        long t0 = System.nanoTime();
        List<Step> plan = plan(bundle);
        App app = states.transition(appId, SpawnState.VALIDATING, a -> a.withVersion(Math.max(1, a.currentVersion()),
                bundle.title(), bundle.runtime().wireName(), bundle.port()), new Progress(Step.VALIDATE.wire,
                Step.VALIDATE.percent, stepClock.etaFrom(Step.VALIDATE, plan), "checking "
                + bundle.files().size() + " files"));
        ValidationReport report = validator.validate(bundle);
        for (Finding f : report.findings()) {
            states.emit(app, Progress.of(Step.VALIDATE.wire, Step.VALIDATE.percent,
                    f.severity() + " " + f.rule() + ": " + f.describe()));
        }
        stepClock.record(Step.VALIDATE, elapsedMillis(t0));
        if (report.blocked()) {
            throw new StepFailure(Step.VALIDATE, "the code did not pass validation: " + String.join("; ",
                    report.blocking().stream().map(Finding::describe).toList()));
        }
        long warnings = report.findings().stream().filter(f -> f.severity() == Severity.WARN).count();
        if (warnings > 0) {
            log.info("app {}: {} validation warnings", appId, warnings);
        }
    }

    private void deploy(Run run, String appId, AppBundle bundle, boolean fresh) throws InterruptedException {
        List<Step> plan = plan(bundle);
        long t0 = System.nanoTime();
        states.transition(appId, SpawnState.PROVISIONING, new Progress(Step.PROVISION.wire, Step.PROVISION.percent,
                stepClock.etaFrom(Step.PROVISION, plan), fresh ? "creating a sandbox"
                : "restarting from the stored files in a new sandbox"));
        Sandbox sandbox = provision(run, appId, bundle);
        stepClock.record(Step.PROVISION, elapsedMillis(t0));

        if (bundle.needsInstall()) {
            t0 = System.nanoTime();
            App app = states.transition(appId, SpawnState.INSTALLING, new Progress(Step.INSTALL.wire,
                    Step.INSTALL.percent, stepClock.etaFrom(Step.INSTALL, plan), "running " + bundle.install()));
            ExecResult result = sandbox.exec(bundle.install(), properties.installTimeout(),
                    line -> states.emit(app, Progress.of(Step.INSTALL.wire, Step.INSTALL.percent, line)));
            if (!result.succeeded()) {
                throw new StepFailure(Step.INSTALL, (result.timedOut() ? "the install command timed out after "
                        + properties.installTimeout().toSeconds() + " s" : "the install command failed with exit code "
                        + result.exitCode()) + lastLines(result.lastLines()));
            }
            stepClock.record(Step.INSTALL, result.durationMillis());
        }

        t0 = System.nanoTime();
        states.transition(appId, SpawnState.STARTING, new Progress(Step.START.wire, Step.START.percent,
                stepClock.etaFrom(Step.START, plan), "starting: " + bundle.start()));
        try {
            sandbox.start(bundle.start(), bundle.port());
        } catch (SandboxException e) {
            throw new StepFailure(Step.START, "the app could not be started: " + e.getMessage());
        }
        routes.attach(appId, bundle.port(), sandbox.endpoint());
        stepClock.record(Step.START, elapsedMillis(t0));

        t0 = System.nanoTime();
        App starting = apps.find(appId).orElseThrow(() -> new AppNotFoundException(appId));
        states.emit(starting, new Progress(Step.HEALTH.wire, Step.HEALTH.percent,
                stepClock.etaFrom(Step.HEALTH, plan), "waiting for the app to answer HTTP on port " + bundle.port()));
        HealthProbe.Result result = health.await(appId, bundle.port(), properties.healthTimeout(),
                sandbox::isRunning);
        if (!result.healthy()) {
            throw new StepFailure(Step.HEALTH, result.message() + lastLines(sandbox.logs(LOG_LINES_IN_REASON)));
        }
        stepClock.record(Step.HEALTH, elapsedMillis(t0));
        states.transition(appId, SpawnState.LIVE, new Progress(Step.LIVE.wire, 100, null, "live at "
                + gateway.appUrl(appId, bundle.port())));
    }

    private Sandbox provision(Run run, String appId, AppBundle bundle) {
        Sandbox sandbox;
        try {
            sandbox = sandboxes.create(new SandboxSpec(appId, bundle.runtime().wireName(), limits,
                    Map.of("PORT", Integer.toString(bundle.port()))));
        } catch (SandboxException e) {
            throw new StepFailure(Step.PROVISION, "no sandbox could be created: " + e.getMessage());
        }
        run.sandbox(sandbox);
        run.cleanups().register("sandbox " + sandbox.id(), () -> {
            try {
                logArchive.keep(appId, sandbox.logs(500));
            } catch (SandboxException ignored) {
                // already gone: nothing to keep
            }
            sandbox.destroy();
        });
        apps.update(appId, a -> a.withSandbox(sandbox.id()));
        try {
            sandbox.writeFiles(bundle.files());
        } catch (SandboxException e) {
            throw new StepFailure(Step.PROVISION, "the files could not be written: " + e.getMessage());
        }
        return sandbox;
    }

    private void fail(Run run, String appId, Step step, String reason) {
        try {
            states.transition(appId, SpawnState.FAILED, a -> a.withError(step.wire, reason),
                    new Progress(step.wire, step.percent, null, "failed: " + reason));
            meters.counter("spawnai.spawns", "outcome", "failed", "step", step.wire).increment();
        } catch (InvalidStateTransitionException e) {
            log.info("app {} ended while failing at {}: {}", appId, step.wire, e.getMessage());
        } finally {
            runs.end(run);
            apps.update(appId, a -> a.sandboxId() == null ? a : a.withSandbox(null));
        }
    }

    private static List<Step> plan(AppBundle bundle) {
        return bundle == null || bundle.needsInstall()
                ? List.of(Step.GENERATE, Step.VALIDATE, Step.PROVISION, Step.INSTALL, Step.START, Step.HEALTH)
                : List.of(Step.GENERATE, Step.VALIDATE, Step.PROVISION, Step.START, Step.HEALTH);
    }

    private static String lastLines(List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_REASON), lines.size());
        return "\nlast output:\n" + String.join("\n", tail);
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** A step failed for a reason the user should read. */
    private static final class StepFailure extends RuntimeException {
        private final Step step;

        StepFailure(Step step, String message) {
            super(message, null, false, false);
            this.step = step;
        }
    }
}
