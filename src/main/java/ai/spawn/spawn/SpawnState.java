package ai.spawn.spawn;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of an app and the one table of allowed transitions between them. Only
 * {@link AppRepository#transition} changes a state, and only along this table.
 */
public enum SpawnState {
    QUEUED, GENERATING, VALIDATING, PROVISIONING, INSTALLING, STARTING, LIVE, UPDATING, CRASHED, FAILED, EXPIRED,
    DESTROYED;

    private static final Map<SpawnState, Set<SpawnState>> ALLOWED = new EnumMap<>(SpawnState.class);

    static {
        ALLOWED.put(QUEUED, EnumSet.of(GENERATING, VALIDATING, FAILED, EXPIRED, DESTROYED));
        ALLOWED.put(GENERATING, EnumSet.of(VALIDATING, FAILED, EXPIRED, DESTROYED));
        // back to GENERATING: the fix loop hands the failing step's error to the model for a corrected bundle
        ALLOWED.put(VALIDATING, EnumSet.of(PROVISIONING, GENERATING, FAILED, EXPIRED, DESTROYED));
        ALLOWED.put(PROVISIONING, EnumSet.of(INSTALLING, STARTING, GENERATING, FAILED, EXPIRED, DESTROYED));
        ALLOWED.put(INSTALLING, EnumSet.of(STARTING, GENERATING, FAILED, EXPIRED, DESTROYED));
        ALLOWED.put(STARTING, EnumSet.of(LIVE, GENERATING, CRASHED, FAILED, EXPIRED, DESTROYED));
        // LIVE -> PROVISIONING: restarted from its stored files after the sandbox was lost (e.g. a host restart)
        // LIVE -> UPDATING: a follow-up message or a restore makes a new version while the current one serves
        // LIVE -> CRASHED: the app process died on its own (a crash, or a limit it hit)
        ALLOWED.put(LIVE, EnumSet.of(PROVISIONING, UPDATING, CRASHED, FAILED, EXPIRED, DESTROYED));
        // CRASHED -> STARTING: the restart policy starts it again in its sandbox; -> QUEUED: the user retries;
        // -> PROVISIONING: restarted from its stored files after SpawnAI itself restarted
        ALLOWED.put(CRASHED, EnumSet.of(STARTING, QUEUED, PROVISIONING, FAILED, EXPIRED, DESTROYED));
        // UPDATING -> LIVE: the new version serves, or the previous one was put back after the new one failed
        ALLOWED.put(UPDATING, EnumSet.of(LIVE, CRASHED, FAILED, EXPIRED, DESTROYED));
        // FAILED -> QUEUED: the user retries
        ALLOWED.put(FAILED, EnumSet.of(QUEUED, EXPIRED, DESTROYED));
        ALLOWED.put(EXPIRED, EnumSet.of(DESTROYED));
        ALLOWED.put(DESTROYED, EnumSet.noneOf(SpawnState.class));
    }

    /** Whether the table allows moving from this state to {@code next}. */
    public boolean canMoveTo(SpawnState next) {
        return ALLOWED.get(this).contains(next);
    }

    /** The states this one may move to. */
    public Set<SpawnState> next() {
        return EnumSet.copyOf(ALLOWED.get(this).isEmpty() ? EnumSet.noneOf(SpawnState.class) : ALLOWED.get(this));
    }

    /** Being made: between admission and LIVE. */
    public boolean inProgress() {
        return this == QUEUED || this == GENERATING || this == VALIDATING || this == PROVISIONING
                || this == INSTALLING || this == STARTING;
    }

    /** Ended for good: nothing runs and nothing will. */
    public boolean isFinal() {
        return this == EXPIRED || this == DESTROYED;
    }
}
