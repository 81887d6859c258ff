package ai.spawn.spawn;

import ai.spawn.generation.AppBundle;

/**
 * A request for a new app: exactly one of a prompt to generate from, or a bundle the user brings.
 *
 * @param prompt plain-language description, or {@code null}
 * @param bundle code to deploy as it is, or {@code null}
 */
public record NewApp(String prompt, AppBundle bundle) {
}
