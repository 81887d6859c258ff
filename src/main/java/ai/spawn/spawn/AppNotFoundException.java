package ai.spawn.spawn;

/** No app with that id belongs to the caller's session (whether it exists for someone else is not revealed). */
public class AppNotFoundException extends SpawnException {

    public AppNotFoundException(String appId) {
        super(appId, "no app with id '" + appId + "' in this session");
    }
}
