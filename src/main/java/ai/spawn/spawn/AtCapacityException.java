package ai.spawn.spawn;

/** SpawnAI runs as many apps as it may and its queue is full; try again later. */
public class AtCapacityException extends SpawnException {

    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 30;

    public AtCapacityException(int live, int queued) {
        super(null, "SpawnAI is at capacity: " + live + " apps are running and " + queued
                + " are waiting; try again in a minute");
    }
}
