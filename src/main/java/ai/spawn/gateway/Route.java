package ai.spawn.gateway;

import ai.spawn.sandbox.SandboxEndpoint;
import org.jspecify.annotations.Nullable;

/** The gateway's answer for a host name. */
public sealed interface Route {

    /**
     * The app runs: proxy to this endpoint.
     *
     * @param wake for an app that sleeps (paused), what makes it serve again; {@code null} for an awake app. The
     *             gateway runs it off its event loop before connecting, once for all requests that arrive while it
     *             runs; it must return once the app can take connections (e.g. {@code sandbox::resume}) or throw,
     *             and the client then gets a 503 page. It must not wait for the route to change.
     */
    record Live(String appId, SandboxEndpoint endpoint, @Nullable Runnable wake) implements Route {

        /** An awake app. */
        public Live(String appId, SandboxEndpoint endpoint) {
            this(appId, endpoint, null);
        }
    }

    /** The app exists but is not (yet) serving, e.g. still starting: 503 with the message. */
    record Unavailable(String appId, String message) implements Route { }

    /** The app is gone for good (destroyed, expired, failed): 410 with the message. */
    record Gone(String appId, String message) implements Route { }

    /** No such app, or not on that port: 404. */
    record Unknown() implements Route { }
}
