package ai.spawn.web;

import java.util.Map;

/**
 * Body of {@code POST /api/v1/apps}: exactly one of {@code prompt} or {@code bundle}.
 *
 * @param prompt what to build
 * @param bundle code to deploy as it is
 */
record CreateAppRequest(String prompt, BundleRequest bundle) {

    /**
     * A bundle the user brings.
     *
     * @param title   optional title
     * @param runtime {@code node}, {@code python} or {@code static}
     * @param files   path to content
     * @param install optional install command
     * @param start   start command (for {@code static} optional: the built-in file server)
     * @param port    the app's port (default 3000)
     */
    record BundleRequest(String title, String runtime, Map<String, String> files, String install, String start,
                         Integer port) { }
}
