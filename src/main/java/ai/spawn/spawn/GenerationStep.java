package ai.spawn.spawn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.CodeGenerator;
import ai.spawn.generation.GenerationException;
import ai.spawn.generation.GenerationInfo;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.spawn.AppStates.Progress;
import ai.spawn.spawn.StepClock.Step;
import ai.spawn.validation.CodeValidator;
import ai.spawn.validation.Finding;
import ai.spawn.validation.Severity;
import ai.spawn.validation.ValidationReport;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generation and validation as the pipeline uses them: the budget is checked before a model is asked, identical
 * requests reuse a cached bundle, every attempt is recorded with its tokens and cost, files and findings appear
 * in the events.
 */
@Component
class GenerationStep {

    private final CodeGenerator generator;
    private final CodeValidator validator;
    private final AppStates states;
    private final History history;
    private final BundleJson bundles;
    private final StepClock stepClock;
    private final SpawnProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    GenerationStep(CodeGenerator generator, CodeValidator validator, AppStates states, History history,
                   BundleJson bundles, StepClock stepClock, SpawnProperties properties, JsonMapper json,
                   Clock clock) {
        this.generator = generator;
        this.validator = validator;
        this.states = states;
        this.history = history;
        this.bundles = bundles;
        this.stepClock = stepClock;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    String engine() {
        return generator.engine();
    }

    boolean canFix() {
        return generator.canFix();
    }

    /**
     * Asks the engine for a bundle (or takes it from the cache when {@code cacheable}) and records the attempt.
     *
     * @param kind {@code create}, {@code fix} or {@code edit}
     * @throws StepFailure at step generate when the budget is spent or the engine fails
     */
    AppBundle generate(App app, GenerationRequest request, String kind, int version, boolean cacheable,
                       String step) {
        String key = cacheable ? cacheKey(request.prompt()) : null;
        if (key != null) {
            Optional<AppBundle> hit = history.cached(key).map(bundles::read);
            if (hit.isPresent()) {
                GenerationInfo origin = hit.get().origin();
                history.addAttempt(app.id(), version, kind, origin, true, "ok", null, clock.instant());
                states.emit(app, Progress.of(step, Step.GENERATE.percent,
                        "reused a cached bundle for an identical request: no tokens, no cost"));
                return hit.get();
            }
        }
        double spent = history.spentUsd(app.id());
        if (properties.budgetUsd() > 0 && spent >= properties.budgetUsd()) {
            throw new StepFailure(Step.GENERATE, String.format(Locale.ROOT,
                    "this app's generation budget of $%.2f is spent ($%.4f so far)", properties.budgetUsd(), spent));
        }
        long t0 = System.nanoTime();
        try {
            AppBundle bundle = generator.generate(request, new GenerationListener() {
                @Override
                public void progress(String message) {
                    states.emit(app, Progress.of(step, Step.GENERATE.percent, message));
                }

                @Override
                public void fileWritten(String path) {
                    states.emit(app, Progress.of(step, Step.GENERATE.percent, "wrote " + path));
                }
            });
            stepClock.record(Step.GENERATE, Deployer.elapsedMillis(t0));
            history.addAttempt(app.id(), version, kind, bundle.origin(), false, "ok", null, clock.instant());
            return bundle;
        } catch (GenerationException e) {
            GenerationInfo usage = e.usage() != null ? e.usage()
                    : new GenerationInfo(engine(), generator.model(), 0, 0, 0, 0, 0, Deployer.elapsedMillis(t0));
            history.addAttempt(app.id(), version, kind, usage, false, "failed", e.getMessage(), clock.instant());
            throw new StepFailure(Step.GENERATE, e.getMessage());
        }
    }

    /**
     * The fix loop's policy, shared by new apps and updates: why it stops after {@code failure} at attempt
     * {@code attempt} (0-based) — {@code null} to ask the engine for a corrected bundle, empty to stop without
     * comment (the failure is not one a model can fix, or there were no fix attempts), or a reason to show.
     */
    String fixStopReason(String appId, StepFailure failure, int attempt, String lastSignature) {
        if (!failure.fixable() || !generator.canFix()) {
            return "";
        }
        if (attempt >= properties.maxFixAttempts()) {
            return attempt == 0 ? "" : "gave up after " + (attempt + 1) + " attempts";
        }
        if (failure.signature().equals(lastSignature)) {
            return "stopped: the same error came back after a fix attempt";
        }
        if (properties.budgetUsd() > 0 && history.spentUsd(appId) >= properties.budgetUsd()) {
            return String.format(Locale.ROOT, "stopped: the budget of $%.2f is spent", properties.budgetUsd());
        }
        return null;
    }

    /** Remembers a bundle that went LIVE for an identical request later. */
    void remember(String prompt, AppBundle bundle) {
        history.cache(cacheKey(prompt), bundles.write(bundle), clock.instant());
    }

    /**
     * Validates the bundle, stores the findings with the version and reports them.
     *
     * @throws StepFailure at step validate when a finding blocks
     */
    void validate(App app, AppBundle bundle, int version, String step) {
        long t0 = System.nanoTime();
        ValidationReport report = validator.validate(bundle);
        for (Finding f : report.findings()) {
            states.emit(app, Progress.of(step, Step.VALIDATE.percent, f.severity() + " " + f.rule() + ": "
                    + f.describe()));
        }
        history.versionDetails(app.id(), version, bundle.summary() != null ? bundle.summary() : bundle.title(),
                json.writeValueAsString(report.findings()));
        stepClock.record(Step.VALIDATE, Deployer.elapsedMillis(t0));
        if (report.blocked()) {
            throw new StepFailure(Step.VALIDATE, "the code did not pass validation: " + String.join("; ",
                    report.blocking().stream().map(Finding::describe).toList()));
        }
        long warnings = report.findings().stream().filter(f -> f.severity() == Severity.WARN).count();
        states.emit(app, Progress.of(step, Step.VALIDATE.percent, warnings == 0 ? "no problems found"
                : warnings + " warnings; continuing"));
    }

    String cacheKey(String prompt) {
        String normalised = prompt.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                .replaceAll("[.!?]+$", "");
        String material = String.join("|", List.of(normalised, generator.engine(), generator.model(),
                generator.promptVersion()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
