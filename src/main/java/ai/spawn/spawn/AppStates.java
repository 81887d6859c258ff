package ai.spawn.spawn;

import java.time.Clock;
import java.util.function.UnaryOperator;

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
    private final Clock clock;

    AppStates(AppRepository apps, EventBus events, AppRoutes routes, AppGateway gateway, Clock clock) {
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
        if (to.isFinal() || to == SpawnState.FAILED) {
            gateway.disconnect(appId);
        }
        emit(moved, progress);
        return moved;
    }

    App transition(String appId, SpawnState to, Progress progress) {
        return transition(appId, to, UnaryOperator.identity(), progress);
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
