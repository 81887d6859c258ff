package ai.spawn.spawn;

/** Base of the spawn feature's errors; carries the app id when known. */
public class SpawnException extends RuntimeException {

    private final String appId;

    public SpawnException(String appId, String message) {
        super(message);
        this.appId = appId;
    }

    public SpawnException(String appId, String message, Throwable cause) {
        super(message, cause);
        this.appId = appId;
    }

    public String appId() {
        return appId;
    }
}
