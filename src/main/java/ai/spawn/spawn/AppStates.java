package ai.spawn.spawn;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import ai.spawn.gateway.AppActivity;
import ai.spawn.progress.EventBus;
import ai.spawn.progress.SpawnEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The single place where an app changes state: checks the transition table, persists with optimistic locking,
 * tells the gateway's routes, then emits the progress event — or throws {@link InvalidStateTransitionException}.
 */
@Component
class AppStates {

    private static final Logger log = LoggerFactory.getLogger(AppStates.class);

    private final AppRepository apps;
    private final EventBus events;
    private final AppRoutes routes;
    private final AppGateway gateway;
    private final Capacity capacity;
    private final AppActivity activity;
    private final Clock clock;
    private volatile Consumer<String> starter = id -> { };

    AppStates(AppRepository apps, EventBus events, AppRoutes routes, AppGateway gateway, Capacity capacity,
              AppActivity activity, Clock clock) {
        this.activity = activity;
        this.capacity = capacity;
        this.apps = apps;
        this.events = events;
        this.routes = routes;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** Moves the app to {@code to}, applying {@code edit} in the same write, and emits {@code progress}. */
    App transition(String appId, SpawnState to, UnaryOperator<App> edit, Progress progress) {
        App moved = apps.update(appId, current -> {
            if (!current.status().canMoveTo(to)) {
                throw new InvalidStateTransitionException(appId, current.status(), to);
            }
            return edit.apply(current.withStatus(to, clock.instant()));
        });
        log.info("app {} -> {}", appId, to);
        routes.stateChanged(moved);
        emit(moved, progress);
        if (to == SpawnState.LIVE) {
            activity.touch(appId);
        }
        if (to.isFinal() || to == SpawnState.FAILED) {
            activity.forget(appId);
            gateway.disconnect(appId);
            capacity.release(appId, starter, this::tellPositions);
        }
        return moved;
    }

    App transition(String appId, SpawnState to, Progress progress) {
        return transition(appId, to, UnaryOperator.identity(), progress);
    }

    /** Who starts a queued app once a slot is free (the service registers itself; avoids a dependency cycle). */
    void onSlotFree(Consumer<String> start) {
        this.starter = start;
    }

    private void tellPositions(List<String> queue) {
        int position = 1;
        for (String id : queue) {
            int p = position++;
            apps.find(id).ifPresent(app -> emit(app, Progress.of("queued", 0, "waiting for a free sandbox: position "
                    + p + " in the queue")));
        }
    }

    /** Tells the routes about an app that was just inserted. */
    void stateChangedOnCreate(App app) {
        routes.stateChanged(app);
    }

    /** Emits a progress event without a state change. */
    void emit(App app, Progress progress) {
        events.publish(new SpawnEvent(app.id(), 0, progress.step(), app.status().name(), progress.percent(),
                progress.etaMillis(), progress.message(), clock.instant()));
    }

    /** What a transition or step reports to the event stream. */
    record Progress(String step, int percent, Long etaMillis, String message) {

        static Progress of(String step, int percent, String message) {
            return new Progress(step, percent, null, message);
        }
    }
}
