package ai.spawn.spawn;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxProvider;
import ai.spawn.spawn.AppStates.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Enforces lifetimes and removes leftovers: expires apps past their deadline and destroys sandboxes that no app
 * holds. A sandbox must look orphaned on two consecutive sweeps before it is destroyed, so one being handed to a
 * pipeline at that moment is never taken.
 */
@Component
class Reaper {

    private static final Logger log = LoggerFactory.getLogger(Reaper.class);
    private static final EnumSet<SpawnState> EXPIRABLE = EnumSet.of(SpawnState.QUEUED, SpawnState.GENERATING,
            SpawnState.VALIDATING, SpawnState.PROVISIONING, SpawnState.INSTALLING, SpawnState.STARTING,
            SpawnState.LIVE, SpawnState.UPDATING, SpawnState.CRASHED, SpawnState.FAILED);

    private final AppRepository apps;
    private final AppStates states;
    private final Runs runs;
    private final SandboxProvider sandboxes;
    private final Clock clock;
    private Set<String> suspects = Set.of();

    Reaper(AppRepository apps, AppStates states, Runs runs, SandboxProvider sandboxes, Clock clock) {
        this.apps = apps;
        this.states = states;
        this.runs = runs;
        this.sandboxes = sandboxes;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${spawnai.apps.reaper-interval:PT5S}",
            initialDelayString = "${spawnai.apps.reaper-interval:PT5S}")
    synchronized void sweep() {
        expire();
        removeOrphans();
    }

    void expire() {
        for (App app : apps.findExpiring(EXPIRABLE, clock.instant())) {
            try {
                states.transition(app.id(), SpawnState.EXPIRED, a -> a.withSandbox(null),
                        Progress.of("expire", 100, "expired: its time ran out"));
                runs.end(app.id());
                if (app.sandboxId() != null) {
                    sandboxes.destroy(app.sandboxId());
                }
            } catch (InvalidStateTransitionException e) {
                log.debug("app {} changed while expiring: {}", app.id(), e.getMessage());
            }
        }
    }

    void removeOrphans() {
        Set<String> held = new HashSet<>();
        for (Run run : runs.all()) {
            Sandbox s = run.sandbox();
            if (s != null) {
                held.add(s.id());
            }
        }
        Set<String> orphans = new HashSet<>(sandboxes.list());
        orphans.removeAll(held);
        Set<String> confirmed = new HashSet<>(orphans);
        confirmed.retainAll(suspects);
        for (String id : confirmed) {
            log.info("destroying orphan sandbox {}", id);
            sandboxes.destroy(id);
        }
        orphans.removeAll(confirmed);
        suspects = orphans;
    }
}
