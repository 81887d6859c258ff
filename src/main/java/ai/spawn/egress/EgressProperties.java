package ai.spawn.egress;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the egress proxy that install commands reach the network through ({@code spawnai.egress.*}).
 * Immutable.
 *
 * @param enabled                  whether install commands ({@code Sandbox.exec}) get the proxy at all; without it
 *                                 a sandbox has no network whatsoever
 * @param allowedHosts             destinations a sandbox may reach: exact names, or {@code *.example.org} for every
 *                                 name under {@code example.org} (not the name itself); compared case-insensitively
 * @param connectPorts             ports a {@code CONNECT} tunnel (https) may go to
 * @param httpPorts                ports a plain-http request may go to
 * @param allowPrivateAddresses    whether an allowed name may resolve to a loopback, private, link-local or
 *                                 otherwise non-public address (off: such a name is refused, so a name cannot be
 *                                 pointed at the host's own services; tests and internal mirrors turn it on)
 * @param connectTimeout           how long connecting to a destination may take (then 504)
 * @param idleTimeout              a connection with no traffic either way for this long is closed
 * @param maxConnectionsPerSandbox connections one sandbox may hold at once (503 beyond)
 * @param maxConnections           connections of all sandboxes together (503 beyond)
 */
@Validated
@ConfigurationProperties("spawnai.egress")
public record EgressProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"registry.npmjs.org", "pypi.org", "files.pythonhosted.org"}) @NotNull List<String> allowedHosts,
        @DefaultValue("443") @NotNull Set<Integer> connectPorts,
        @DefaultValue("80") @NotNull Set<Integer> httpPorts,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("10s") @NotNull Duration connectTimeout,
        @DefaultValue("60s") @NotNull Duration idleTimeout,
        @DefaultValue("32") @Min(1) int maxConnectionsPerSandbox,
        @DefaultValue("256") @Min(1) int maxConnections) {

    public EgressProperties {
        allowedHosts = List.copyOf(allowedHosts);
        connectPorts = Set.copyOf(connectPorts);
        httpPorts = Set.copyOf(httpPorts);
    }

    /** The values bound from an empty environment. */
    public static EgressProperties defaults() {
        return new EgressProperties(true, List.of("registry.npmjs.org", "pypi.org", "files.pythonhosted.org"),
                Set.of(443), Set.of(80), false, Duration.ofSeconds(10), Duration.ofSeconds(60), 32, 256);
    }

    /** A copy allowing {@code hosts} instead. */
    public EgressProperties withAllowedHosts(List<String> hosts) {
        return new EgressProperties(enabled, hosts, connectPorts, httpPorts, allowPrivateAddresses, connectTimeout,
                idleTimeout, maxConnectionsPerSandbox, maxConnections);
    }

    /** A copy with these ports for tunnels and plain http. */
    public EgressProperties withPorts(Set<Integer> connect, Set<Integer> http) {
        return new EgressProperties(enabled, allowedHosts, connect, http, allowPrivateAddresses, connectTimeout,
                idleTimeout, maxConnectionsPerSandbox, maxConnections);
    }

    /** A copy that lets allowed names resolve to private and loopback addresses (tests, internal mirrors). */
    public EgressProperties allowingPrivateAddresses() {
        return new EgressProperties(enabled, allowedHosts, connectPorts, httpPorts, true, connectTimeout,
                idleTimeout, maxConnectionsPerSandbox, maxConnections);
    }
}
