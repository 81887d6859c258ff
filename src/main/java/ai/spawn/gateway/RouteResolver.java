package ai.spawn.gateway;

/**
 * Tells the gateway where an app's port lives. Implemented by the feature that owns apps. Called on the gateway's
 * event-loop threads for every new upstream connection, so it must answer from memory, never block on I/O.
 */
public interface RouteResolver {

    /** The route for {@code port} of app {@code appId}; never {@code null}. */
    Route resolve(String appId, int port);
}
