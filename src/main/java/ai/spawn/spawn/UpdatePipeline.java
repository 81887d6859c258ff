package ai.spawn.spawn;

import java.time.Clock;
import java.util.List;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.spawn.AppStates.Progress;
import ai.spawn.spawn.StepClock.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Makes a new version of a LIVE app — from a follow-up message or by restoring an earlier version — and deploys
 * it in the same sandbox. The app is UPDATING meanwhile and keeps serving; if the new version fails, the previous
 * one is put back and the app returns to LIVE with the failure shown. Only when even that fails is the app FAILED.
 */
@Component
class UpdatePipeline {

    private static final Logger log = LoggerFactory.getLogger(UpdatePipeline.class);
    private static final String STEP = "update";

    private final AppRepository apps;
    private final AppStates states;
    private final Runs runs;
    private final GenerationStep generation;
    private final Deployer deployer;
    private final History history;
    private final BundleJson bundles;
    private final Clock clock;

    UpdatePipeline(AppRepository apps, AppStates states, Runs runs, GenerationStep generation, Deployer deployer,
                   History history, BundleJson bundles, Clock clock) {
        this.apps = apps;
        this.states = states;
        this.runs = runs;
        this.generation = generation;
        this.deployer = deployer;
        this.history = history;
        this.bundles = bundles;
        this.clock = clock;
    }

    /** Answers a follow-up message with a new version. The app is UPDATING and the message stored. */
    void edit(String appId, String text) {
        update(appId, text, (app, current, version) -> {
            List<String> earlier = history.messages(appId).stream().filter(m -> m.role().equals("user"))
                    .map(History.Message::text).toList();
            earlier = earlier.isEmpty() ? earlier : earlier.subList(0, earlier.size() - 1);
            states.emit(app, Progress.of(STEP, Step.GENERATE.percent, "asking the " + generation.engine()
                    + " engine for version " + version));
            AppBundle next = generation.generate(app, new GenerationRequest(text, current, null, earlier), "edit",
                    version, false, STEP);
            store(appId, version, next, "message");
            return next;
        });
    }

    /** Deploys a copy of version {@code from} as a new version. The app is UPDATING. */
    void restore(String appId, int from) {
        update(appId, "restore version " + from, (app, current, version) -> {
            AppBundle old = apps.findVersion(appId, from).map(bundles::read)
                    .orElseThrow(() -> new StepFailure(Step.GENERATE, "version " + from + " does not exist"));
            AppBundle copy = new AppBundle(old.title(), old.runtime(), old.files(), old.install(), old.start(),
                    old.port(), old.origin(), "Restored version " + from + ".");
            store(appId, version, copy, "restore");
            states.emit(app, Progress.of(STEP, Step.VALIDATE.percent, "restoring version " + from + " as version "
                    + version));
            return copy;
        });
    }

    private void update(String appId, String instruction, NewVersion source) {
        MDC.put("spawnId", appId);
        int previous = 0;
        int version = 0;
        boolean touched = false;
        Run run = null;
        try {
            App app = apps.find(appId).orElseThrow(() -> new AppNotFoundException(appId));
            run = runs.find(appId).orElseThrow(() -> new StepFailure(Step.PROVISION,
                    "the app's sandbox is not on this node; try again in a moment"));
            previous = app.currentVersion();
            AppBundle current = load(appId, previous);
            version = history.lastVersion(appId) + 1;
            AppBundle next = source.make(app, current, version);
            String lastSignature = null;
            for (int attempt = 0; ; attempt++) {
                try {
                    generation.validate(app, next, version, STEP);
                    touched = true;
                    deployer.redeploy(run, app, next);
                    break;
                } catch (StepFailure failure) {
                    history.versionStatus(appId, version, "FAILED", failure.step().wire, failure.getMessage());
                    if (generation.fixStopReason(appId, failure, attempt, lastSignature) != null) {
                        throw failure;
                    }
                    lastSignature = failure.signature();
                    version = history.lastVersion(appId) + 1;
                    states.emit(app, Progress.of(STEP, Step.GENERATE.percent, "attempt " + (attempt + 2)
                            + ": asking the model to fix the " + failure.step().wire + " failure"));
                    next = generation.generate(app, new GenerationRequest(instruction, next, "The "
                            + failure.step().wire + " step failed:\n" + failure.getMessage(), List.of()), "fix",
                            version, false, STEP);
                    store(appId, version, next, "fix");
                }
            }
            int live = version;
            int superseded = previous;
            AppBundle deployed = next;
            history.versionStatus(appId, superseded, "SUPERSEDED", null, null);
            history.versionStatus(appId, live, "LIVE", null, null);
            states.transition(appId, SpawnState.LIVE, a -> a.withVersion(live, deployed.title(),
                    deployed.runtime().wireName(), deployed.port()).withError(null, null), Progress.of(STEP, 100, "version " + live
                    + " is live"));
            history.addMessage(appId, "assistant", SpawnPipeline.describe(deployed, live), live, clock.instant());
        } catch (StepFailure failure) {
            rollBack(appId, run, previous, version, touched, failure);
        } catch (InvalidStateTransitionException e) {
            log.info("app {} changed state during an update ({})", appId, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("app {}: unexpected failure during an update", appId, e);
            rollBack(appId, run, previous, version, true, new StepFailure(Step.GENERATE, "internal error: "
                    + e.getMessage()));
        } finally {
            MDC.remove("spawnId");
        }
    }

    private void rollBack(String appId, Run run, int previous, int failedVersion, boolean touched,
                          StepFailure failure) {
        if (failedVersion > 0 && history.lastVersion(appId) >= failedVersion) {
            history.versionStatus(appId, failedVersion, "FAILED", failure.step().wire, failure.getMessage());
        }
        String reason = "the new version failed at the " + failure.step().wire + " step: " + failure.getMessage();
        try {
            if (touched && run != null && previous > 0) {
                App app = apps.find(appId).orElseThrow(() -> new AppNotFoundException(appId));
                states.emit(app, Progress.of(STEP, Step.START.percent, "putting version " + previous + " back"));
                deployer.redeploy(run, app, load(appId, previous));
            }
            states.transition(appId, SpawnState.LIVE, a -> a.withError(STEP, reason), Progress.of(STEP, 100,
                    "update failed; version " + previous + " keeps serving: " + reason));
            history.addMessage(appId, "assistant", "I could not apply that: " + reason + " Version " + previous
                    + " is still live.", null, clock.instant());
        } catch (StepFailure | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            states.transition(appId, SpawnState.FAILED, a -> a.withError(STEP, reason
                    + "; putting the previous version back failed too: " + e.getMessage()),
                    Progress.of(STEP, 0, "failed: " + reason));
            runs.end(appId);
        } catch (InvalidStateTransitionException e) {
            log.info("app {} changed state during a rollback ({})", appId, e.getMessage());
        }
    }

    private void store(String appId, int version, AppBundle bundle, String source) {
        apps.insertVersion(appId, version, bundles.write(bundle), source, clock.instant());
        history.versionStatus(appId, version, "PENDING", null, null);
    }

    private AppBundle load(String appId, int version) {
        return apps.findVersion(appId, version).map(bundles::read)
                .orElseThrow(() -> new StepFailure(Step.GENERATE, "version " + version + " is missing"));
    }

    /** Produces and stores the new version's bundle. */
    private interface NewVersion {
        AppBundle make(App app, AppBundle current, int version);
    }
}
