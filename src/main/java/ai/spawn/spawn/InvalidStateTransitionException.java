package ai.spawn.spawn;

/** A transition that the table in {@link SpawnState} does not allow, or that lost a concurrent update. */
public class InvalidStateTransitionException extends SpawnException {

    private final SpawnState from;
    private final SpawnState to;

    public InvalidStateTransitionException(String appId, SpawnState from, SpawnState to) {
        super(appId, "app " + appId + " cannot move from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public SpawnState from() {
        return from;
    }

    public SpawnState to() {
        return to;
    }
}
