package ai.spawn.spawn;

import ai.spawn.sandbox.Sandbox;

/**
 * What this node holds for one app while it is being made or runs: its sandbox and the teardown of everything
 * acquired for it. Replaced by a fresh run when the app is retried or restarted.
 */
final class Run {

    private final String appId;
    private final Cleanups cleanups = new Cleanups();
    private volatile Sandbox sandbox;

    Run(String appId) {
        this.appId = appId;
    }

    String appId() {
        return appId;
    }

    Cleanups cleanups() {
        return cleanups;
    }

    Sandbox sandbox() {
        return sandbox;
    }

    void sandbox(Sandbox acquired) {
        this.sandbox = acquired;
    }
}
