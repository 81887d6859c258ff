package ai.spawn.spawn;

/** The app has ended (expired or destroyed) and the operation needs a running app. */
public class AppGoneException extends SpawnException {

    public AppGoneException(String appId, SpawnState state) {
        super(appId, "app " + appId + " is " + state.name().toLowerCase(java.util.Locale.ROOT) + "; create a new one");
    }
}
