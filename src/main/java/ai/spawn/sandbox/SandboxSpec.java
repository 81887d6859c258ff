package ai.spawn.sandbox;

import java.util.Map;
import java.util.Objects;

/**
 * What to create.
 *
 * @param owner    the id of the app the sandbox serves (a label; used to find orphans)
 * @param template the runtime template: {@code node}, {@code python} or {@code static}
 * @param limits   resource limits
 * @param env      environment variables for commands run inside (nothing of the host's leaks in)
 */
public record SandboxSpec(String owner, String template, SandboxLimits limits, Map<String, String> env) {

    public SandboxSpec {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(limits, "limits");
        env = env == null ? Map.of() : Map.copyOf(env);
    }
}
