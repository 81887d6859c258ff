package ai.spawn.gateway;

import ai.spawn.sandbox.SandboxEndpoint;

/** The gateway's answer for a host name. */
public sealed interface Route {

    /** The app runs: proxy to this endpoint. */
    record Live(String appId, SandboxEndpoint endpoint) implements Route { }

    /** The app exists but is not (yet) serving, e.g. still starting: 503 with the message. */
    record Unavailable(String appId, String message) implements Route { }

    /** The app is gone for good (destroyed, expired, failed): 410 with the message. */
    record Gone(String appId, String message) implements Route { }

    /** No such app, or not on that port: 404. */
    record Unknown() implements Route { }
}
