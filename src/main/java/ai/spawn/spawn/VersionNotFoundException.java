package ai.spawn.spawn;

/** The app has no version with that number. */
public class VersionNotFoundException extends SpawnException {

    public VersionNotFoundException(String appId, int number) {
        super(appId, "app " + appId + " has no version " + number);
    }
}
