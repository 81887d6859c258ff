package ai.spawn.spawn;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.spawn.AppStates.Progress;
import ai.spawn.spawn.StepClock.Step;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Takes one app from QUEUED to LIVE: generate, validate, then deploy. When validation, install, start or the
 * health check fails and the engine can repair code, the failing step's error and last log lines go back to it
 * for a corrected bundle — at most {@code spawnai.apps.max-fix-attempts} more times, stopping early when the same
 * error repeats or the budget is spent. A final failure moves the app to FAILED with the step and a readable
 * reason and tears down what was acquired; a concurrent destroy or expiry stops the pipeline at its next
 * transition.
 */
@Component
class SpawnPipeline {

    private static final Logger log = LoggerFactory.getLogger(SpawnPipeline.class);

    private final AppRepository apps;
    private final AppStates states;
    private final Runs runs;
    private final GenerationStep generation;
    private final Deployer deployer;
    private final History history;
    private final BundleJson bundles;
    private final StepClock stepClock;
    private final SpawnProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    SpawnPipeline(AppRepository apps, AppStates states, Runs runs, GenerationStep generation, Deployer deployer,
                  History history, BundleJson bundles, StepClock stepClock, SpawnProperties properties,
                  MeterRegistry meters, Clock clock) {
        this.apps = apps;
        this.states = states;
        this.runs = runs;
        this.generation = generation;
        this.deployer = deployer;
        this.history = history;
        this.bundles = bundles;
        this.stepClock = stepClock;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** Makes a QUEUED app: from its prompt, or from its stored version when it came as a bundle or is retried. */
    void make(String appId) {
        Run run = runs.begin(appId);
        MDC.put("spawnId", appId);
        long started = System.nanoTime();
        Step step = Step.GENERATE;
        try {
            App app = apps.find(appId).orElseThrow(() -> new AppNotFoundException(appId));
            AppBundle bundle;
            int version;
            if (app.currentVersion() > 0) {
                version = app.currentVersion();
                bundle = loadVersion(appId, version);
            } else {
                version = 1;
                bundle = generateFirst(app);
            }
            String lastSignature = null;
            for (int attempt = 0; ; attempt++) {
                try {
                    step = Step.VALIDATE;
                    validate(appId, bundle, version);
                    deployer.deployFresh(run, appId, bundle, attempt == 0 ? "creating a sandbox"
                            : "creating a sandbox for attempt " + (attempt + 1));
                    history.versionStatus(appId, version, "LIVE", null, null);
                    history.addMessage(appId, "assistant", describe(bundle, version), version, clock.instant());
                    if (app.prompt() != null && attempt == 0 && version == 1) {
                        generation.remember(app.prompt(), bundle);
                    }
                    break;
                } catch (StepFailure failure) {
                    history.versionStatus(appId, version, "FAILED", failure.step().wire, failure.getMessage());
                    // a bundle the user brought is deployed as it is, never rewritten by a model
                    String stopReason = app.prompt() == null ? ""
                            : generation.fixStopReason(appId, failure, attempt, lastSignature);
                    if (stopReason != null) {
                        throw stopReason.isEmpty() ? failure
                                : new StepFailure(failure.step(), failure.getMessage() + "\n(" + stopReason + ")");
                    }
                    lastSignature = failure.signature();
                    runs.end(run);
                    run = runs.begin(appId);
                    step = Step.GENERATE;
                    version = history.lastVersion(appId) + 1;
                    bundle = fix(appId, bundle, failure, attempt + 1, version);
                }
            }
            meters.counter("spawnai.spawns", "outcome", "live", "step", "live").increment();
            Timer.builder("spawnai.spawn.time-to-live").register(meters)
                    .record(Duration.ofNanos(System.nanoTime() - started));
        } catch (StepFailure f) {
            fail(run, appId, f.step(), f.getMessage());
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
            deployer.deployFresh(run, appId, loadVersion(appId, app.currentVersion()),
                    "restarting version " + app.currentVersion() + " from its stored files in a new sandbox");
        } catch (StepFailure f) {
            fail(run, appId, f.step(), f.getMessage());
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

    private AppBundle generateFirst(App app) {
        if (history.messages(app.id()).isEmpty()) {
            history.addMessage(app.id(), "user", app.prompt(), null, app.createdAt());
        }
        states.transition(app.id(), SpawnState.GENERATING, new Progress(Step.GENERATE.wire, Step.GENERATE.percent,
                stepClock.etaFrom(Step.GENERATE, Deployer.plan(null)), "generating with the "
                + generation.engine() + " engine"));
        App current = apps.find(app.id()).orElseThrow(() -> new AppNotFoundException(app.id()));
        AppBundle bundle = generation.generate(current, GenerationRequest.newApp(app.prompt()), "create", 1, true,
                Step.GENERATE.wire);
        storeVersion(app.id(), 1, bundle, "prompt");
        return bundle;
    }

    private AppBundle fix(String appId, AppBundle broken, StepFailure failure, int attempt, int version) {
        App app = states.transition(appId, SpawnState.GENERATING, a -> a.withSandbox(null),
                new Progress(Step.GENERATE.wire, Step.GENERATE.percent, null, "attempt " + (attempt + 1) + " of "
                        + (properties.maxFixAttempts() + 1) + ": asking the model to fix the "
                        + failure.step().wire + " failure"));
        String report = "The " + failure.step().wire + " step failed:\n" + failure.getMessage();
        List<String> earlier = history.messages(appId).stream().filter(m -> m.role().equals("user"))
                .map(History.Message::text).toList();
        String prompt = app.prompt() != null ? app.prompt() : "fix the app";
        AppBundle fixed = generation.generate(app, new GenerationRequest(prompt, broken, report, earlier), "fix",
                version, false, Step.GENERATE.wire);
        storeVersion(appId, version, fixed, "fix");
        return fixed;
    }

    private void validate(String appId, AppBundle bundle, int version) {
        App app = states.transition(appId, SpawnState.VALIDATING, a -> a.withVersion(version, bundle.title(),
                bundle.runtime().wireName(), bundle.port()), new Progress(Step.VALIDATE.wire,
                Step.VALIDATE.percent, stepClock.etaFrom(Step.VALIDATE, Deployer.plan(bundle)), "checking "
                + bundle.files().size() + " files"));
        generation.validate(app, bundle, version, Step.VALIDATE.wire);
    }

    private void storeVersion(String appId, int version, AppBundle bundle, String source) {
        apps.insertVersion(appId, version, bundles.write(bundle), source, clock.instant());
        history.versionStatus(appId, version, "PENDING", null, null);
        apps.update(appId, a -> a.withVersion(version, bundle.title(), bundle.runtime().wireName(), bundle.port()));
    }

    private AppBundle loadVersion(String appId, int version) {
        return apps.findVersion(appId, version).map(bundles::read)
                .orElseThrow(() -> new StepFailure(Step.GENERATE, "version " + version + " is missing"));
    }

    static String describe(AppBundle bundle, int version) {
        String what = bundle.summary() != null ? bundle.summary() : "Built " + bundle.title() + ".";
        return what + " (version " + version + ", " + bundle.files().size() + " files, " + bundle.runtime().wireName()
                + ")";
    }

    private void fail(Run run, String appId, Step step, String reason) {
        try {
            states.transition(appId, SpawnState.FAILED, a -> a.withError(step.wire, reason),
                    new Progress(step.wire, step.percent, null, "failed: " + reason));
            history.addMessage(appId, "assistant", "It failed at the " + step.wire + " step: " + reason, null,
                    clock.instant());
            meters.counter("spawnai.spawns", "outcome", "failed", "step", step.wire).increment();
        } catch (InvalidStateTransitionException e) {
            log.info("app {} ended while failing at {}: {}", appId, step.wire, e.getMessage());
        } finally {
            runs.end(run);
            apps.update(appId, a -> a.sandboxId() == null ? a : a.withSandbox(null));
        }
    }
}
