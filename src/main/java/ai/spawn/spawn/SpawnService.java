package ai.spawn.spawn;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import ai.spawn.Ids;
import ai.spawn.generation.AppBundle;
import ai.spawn.progress.EventBus;
import ai.spawn.progress.SpawnEvent;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxException;
import ai.spawn.spawn.AppStates.Progress;
import ai.spawn.validation.CodeValidator;
import ai.spawn.validation.Finding;
import ai.spawn.validation.ValidationReport;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public face of the spawn feature: create, read, extend and destroy apps of a session. Every call checks
 * that the session owns the app and answers {@link AppNotFoundException} otherwise. Thread-safe.
 */
@Service
public class SpawnService {

    private final AppRepository apps;
    private final AppStates states;
    private final Runs runs;
    private final SpawnPipeline pipeline;
    private final CodeValidator validator;
    private final BundleJson bundles;
    private final AppGateway gateway;
    private final LogArchive logArchive;
    private final EventBus events;
    private final SpawnProperties properties;
    private final ExecutorService workers;
    private final Clock clock;
    private final History history;
    private final UpdatePipeline updates;
    private final GenerationStep generation;
    private final JsonMapper json;
    private final SecureRandom random = new SecureRandom();

    SpawnService(AppRepository apps, AppStates states, Runs runs, SpawnPipeline pipeline, CodeValidator validator,
                 BundleJson bundles, AppGateway gateway, LogArchive logArchive, EventBus events,
                 SpawnProperties properties, @Qualifier("spawnWorkers") ExecutorService workers, Clock clock,
                 History history, UpdatePipeline updates, GenerationStep generation, JsonMapper json) {
        this.history = history;
        this.updates = updates;
        this.generation = generation;
        this.json = json;
        this.apps = apps;
        this.states = states;
        this.runs = runs;
        this.pipeline = pipeline;
        this.validator = validator;
        this.bundles = bundles;
        this.gateway = gateway;
        this.logArchive = logArchive;
        this.events = events;
        this.properties = properties;
        this.workers = workers;
        this.clock = clock;
    }

    /**
     * Admits a new app and starts making it in the background.
     *
     * @throws InvalidAppRequestException when the request is malformed or the bundle fails its structural checks;
     *                                    nothing is stored then
     */
    public AppView create(String sessionId, NewApp request) {
        String prompt = request.prompt() == null ? null : request.prompt().strip();
        if ((prompt == null) == (request.bundle() == null)) {
            throw new InvalidAppRequestException(null, "send exactly one of 'prompt' or 'bundle'");
        }
        if (prompt != null) {
            if (prompt.isEmpty()) {
                throw new InvalidAppRequestException("prompt", "the prompt is empty: describe the app you want");
            }
            if (prompt.length() > properties.maxPromptChars()) {
                throw new InvalidAppRequestException("prompt", "the prompt has " + prompt.length()
                        + " characters; at most " + properties.maxPromptChars() + " are allowed");
            }
        } else {
            ValidationReport report = validator.validateShape(request.bundle());
            if (report.blocked()) {
                throw new InvalidAppRequestException("bundle", "the bundle was refused: " + String.join("; ",
                        report.blocking().stream().map(Finding::describe).toList()));
            }
        }
        Instant now = clock.instant();
        AppBundle bundle = request.bundle();
        App app = new App(Ids.random(random, 10), sessionId, SpawnState.QUEUED, prompt,
                bundle == null ? null : bundle.title(), bundle == null ? null : bundle.runtime().wireName(),
                bundle == null ? null : bundle.port(), null, bundle == null ? 0 : 1, null, null, now, now,
                now.plus(properties.ttl()), 0);
        apps.insert(app);
        if (bundle != null) {
            apps.insertVersion(app.id(), 1, bundles.write(bundle), "bundle", now);
            history.versionStatus(app.id(), 1, "PENDING", null, null);
        }
        states.stateChangedOnCreate(app);
        states.emit(app, Progress.of("queued", 0, prompt != null ? "queued: " + abbreviate(prompt)
                : "queued: a " + bundle.runtime().wireName() + " bundle of " + bundle.files().size() + " files"));
        submit(app.id());
        return view(app);
    }

    /** The app, if the session owns it. */
    public AppView get(String sessionId, String appId) {
        return view(owned(sessionId, appId));
    }

    /** The session's apps, newest first. */
    public List<AppView> list(String sessionId) {
        return apps.findBySession(sessionId).stream().map(a -> view(a, false)).toList();
    }

    /** The stored events of an owned app. */
    public List<SpawnEvent> events(String sessionId, String appId) {
        owned(sessionId, appId);
        return events.history(appId);
    }

    /** Checks ownership (for event streams). */
    public void checkOwner(String sessionId, String appId) {
        owned(sessionId, appId);
    }

    /** The last {@code max} lines of the app's output (live, or as kept when its sandbox ended). */
    public List<String> logs(String sessionId, String appId, int max) {
        App app = owned(sessionId, appId);
        List<String> lines = runs.find(app.id()).map(Run::sandbox)
                .map(s -> safeLogs(s, max)).orElseGet(() -> logArchive.get(app.id()));
        return lines.size() <= max ? lines : lines.subList(lines.size() - max, lines.size());
    }

    /**
     * Moves the deadline by {@code duration}.
     *
     * @throws InvalidAppRequestException when the duration is not positive or the new deadline lies more than
     *                                    {@code spawnai.apps.max-ttl} from now
     * @throws AppGoneException           when the app already ended
     */
    public AppView extend(String sessionId, String appId, Duration duration) {
        owned(sessionId, appId);
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new InvalidAppRequestException("duration", "the duration must be positive, e.g. PT1H");
        }
        Instant now = clock.instant();
        App extended = apps.update(appId, a -> {
            if (a.status().isFinal()) {
                throw new AppGoneException(appId, a.status());
            }
            Instant base = a.expiresAt().isAfter(now) ? a.expiresAt() : now;
            Instant deadline = base.plus(duration);
            if (deadline.isAfter(now.plus(properties.maxTtl()))) {
                throw new InvalidAppRequestException("duration", "an app may live at most "
                        + properties.maxTtl().toHours() + " h from now; it has "
                        + Duration.between(now, a.expiresAt()).toMinutes() + " min left");
            }
            return a.withExpiresAt(deadline);
        });
        states.emit(extended, Progress.of("extend", extended.status() == SpawnState.LIVE ? 100 : 0,
                "extended until " + extended.expiresAt()));
        return view(extended);
    }

    /** Destroys the app and everything it holds. Idempotent: an ended app is returned as it is. */
    public AppView destroy(String sessionId, String appId) {
        App app = owned(sessionId, appId);
        if (app.status() == SpawnState.DESTROYED) {
            return view(app);
        }
        App destroyed = states.transition(appId, SpawnState.DESTROYED, a -> a.withSandbox(null),
                Progress.of("destroy", 100, "destroyed"));
        runs.end(appId);
        return view(destroyed);
    }

    /**
     * Makes a FAILED or CRASHED app again from the start.
     *
     * @throws InvalidStateTransitionException when the app is neither
     */
    public AppView retry(String sessionId, String appId) {
        owned(sessionId, appId);
        App queued = states.transition(appId, SpawnState.QUEUED, a -> a.withError(null, null),
                Progress.of("queued", 0, "retrying"));
        submit(appId);
        return view(queued);
    }

    /**
     * Answers a follow-up message on a LIVE app with a new version, made in the background.
     *
     * @throws InvalidAppRequestException      when the text is empty or too long
     * @throws InvalidStateTransitionException when the app is not LIVE (e.g. an update is already running)
     */
    public AppView sendMessage(String sessionId, String appId, String text) {
        App app = owned(sessionId, appId);
        String message = text == null ? "" : text.strip();
        if (message.isEmpty()) {
            throw new InvalidAppRequestException("text", "the message is empty: say what to change");
        }
        if (message.length() > properties.maxPromptChars()) {
            throw new InvalidAppRequestException("text", "the message has " + message.length()
                    + " characters; at most " + properties.maxPromptChars() + " are allowed");
        }
        if (app.status().isFinal()) {
            throw new AppGoneException(appId, app.status());
        }
        App updating = states.transition(appId, SpawnState.UPDATING, Progress.of("update", 0, "update requested: "
                + abbreviate(message)));
        history.addMessage(appId, "user", message, null, clock.instant());
        submitUpdate(appId, () -> updates.edit(appId, message));
        return view(updating);
    }

    /** The app's conversation, oldest first. */
    public List<AppView.Message> messages(String sessionId, String appId) {
        owned(sessionId, appId);
        return history.messages(appId).stream()
                .map(m -> new AppView.Message(m.role(), m.text(), m.version(), m.time())).toList();
    }

    /** The app's versions, oldest first. */
    public List<AppView.Version> versions(String sessionId, String appId) {
        owned(sessionId, appId);
        return history.versions(appId).stream().map(v -> new AppView.Version(v.number(), v.source(), v.summary(),
                v.status(), v.createdAt(), v.errorMessage() == null ? null
                : new AppView.Error(v.errorStep(), v.errorMessage()))).toList();
    }

    /**
     * Deploys a copy of an earlier version as a new version.
     *
     * @throws AppNotFoundException            when the version does not exist
     * @throws InvalidStateTransitionException when the app is not LIVE
     */
    public AppView restore(String sessionId, String appId, int number) {
        App app = owned(sessionId, appId);
        if (apps.findVersion(appId, number).isEmpty()) {
            throw new VersionNotFoundException(appId, number);
        }
        if (app.status().isFinal()) {
            throw new AppGoneException(appId, app.status());
        }
        App updating = states.transition(appId, SpawnState.UPDATING, Progress.of("restore", 0,
                "restoring version " + number));
        history.addMessage(appId, "user", "Restore version " + number + ".", null, clock.instant());
        submitUpdate(appId, () -> updates.restore(appId, number));
        return view(updating);
    }

    /**
     * The files of a version (the current one when {@code number} is {@code null}).
     *
     * @throws VersionNotFoundException when there is no such version
     */
    public AppFiles files(String sessionId, String appId, Integer number) {
        App app = owned(sessionId, appId);
        int wanted = number == null ? app.currentVersion() : number;
        AppBundle bundle = apps.findVersion(appId, wanted).map(bundles::read)
                .orElseThrow(() -> new VersionNotFoundException(appId, wanted));
        return new AppFiles(appId, wanted, bundle.title(), bundle);
    }

    /** Files of one version of an app. */
    public record AppFiles(String appId, int version, String title, AppBundle bundle) { }

    private void submitUpdate(String appId, Runnable update) {
        try {
            workers.execute(update);
        } catch (RejectedExecutionException e) {
            states.transition(appId, SpawnState.LIVE, a -> a.withError("update", "SpawnAI is at capacity"),
                    Progress.of("update", 100, "update refused: SpawnAI is at capacity; try again in a minute"));
        }
    }

    private void submit(String appId) {
        try {
            workers.execute(() -> pipeline.make(appId));
        } catch (RejectedExecutionException e) {
            states.transition(appId, SpawnState.FAILED, a -> a.withError("queued", "SpawnAI is at capacity"),
                    Progress.of("queued", 0, "failed: SpawnAI is at capacity; try again in a minute"));
        }
    }

    private App owned(String sessionId, String appId) {
        return apps.find(appId).filter(a -> a.sessionId().equals(sessionId))
                .orElseThrow(() -> new AppNotFoundException(appId));
    }

    private AppView view(App app) {
        return view(app, true);
    }

    private AppView view(App app, boolean detailed) {
        boolean broken = app.status() == SpawnState.FAILED || app.status() == SpawnState.CRASHED;
        AppView.Error error = broken && app.errorMessage() != null
                ? new AppView.Error(app.errorStep(), app.errorMessage()) : null;
        AppView.Error lastUpdateError = !broken && app.errorMessage() != null
                ? new AppView.Error(app.errorStep(), app.errorMessage()) : null;
        String url = app.port() == null ? null : gateway.appUrl(app.id(), app.port());
        if (!detailed) {
            return new AppView(app.id(), app.status(), app.title(), app.prompt(), url, app.createdAt(),
                    app.expiresAt(), error, lastUpdateError, app.runtime(), app.currentVersion(), null, null, null,
                    null);
        }
        List<String> files = app.currentVersion() == 0 ? List.of()
                : apps.findVersion(app.id(), app.currentVersion()).map(bundles::read)
                .map(b -> List.copyOf(b.files().keySet())).orElse(List.of());
        List<Finding> findings = app.currentVersion() == 0 ? List.of()
                : history.findings(app.id(), app.currentVersion()).filter(f -> f != null && !f.isBlank())
                .map(this::readFindings).orElse(List.of());
        List<AppView.Attempt> attempts = history.attempts(app.id()).stream()
                .map(a -> new AppView.Attempt(a.kind(), a.version(), a.engine(), a.model(), a.inputTokens(),
                        a.outputTokens(), a.cacheWriteTokens(), a.cacheReadTokens(), a.costUsd(),
                        a.durationMillis(), a.cached(), a.outcome(), a.error(), a.time()))
                .toList();
        double total = attempts.stream().mapToDouble(AppView.Attempt::costUsd).sum();
        return new AppView(app.id(), app.status(), app.title(), app.prompt(), url, app.createdAt(), app.expiresAt(),
                error, lastUpdateError, app.runtime(), app.currentVersion(), files, generation.engine(), findings,
                new AppView.Cost(properties.budgetUsd(), total, attempts));
    }

    private List<Finding> readFindings(String text) {
        return List.of(json.readValue(text, Finding[].class));
    }

    private static List<String> safeLogs(Sandbox sandbox, int max) {
        try {
            return sandbox.logs(max);
        } catch (SandboxException e) {
            return List.of();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
