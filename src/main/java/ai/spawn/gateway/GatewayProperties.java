package ai.spawn.gateway;

import com.sun.management.UnixOperatingSystemMXBean;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the gateway that serves apps at {@code {port}-{appId}.{domain}} ({@code spawnai.gateway.*}).
 *
 * @param enabled              whether the gateway listens at all (the URL helpers work either way)
 * @param port                 TCP port of the listener; {@code 0} picks a free one (tests)
 * @param bind                 address the listener binds to
 * @param domain               apps' parent domain: an app's host is {@code {port}-{appId}.{domain}}
 * @param publicPort           port written into app URLs when the gateway sits behind something else;
 *                             {@code null} means the port the gateway actually listens on
 * @param scheme               scheme of app URLs and of {@code X-Forwarded-Proto}: {@code http} or {@code https}
 * @param maxBody              largest request body forwarded to an app (413 beyond)
 * @param maxConnectionsPerApp client connections open to one app at once (503 beyond)
 * @param maxConnectionsPerClientPerApp client connections one client address may hold to one app (429 beyond), so
 *                             that one client cannot take all of an app's connections
 * @param maxConnectionsPerClient client connections one client address may hold open at once; counted at accept,
 *                             before a byte is read: beyond it the connection is closed at once
 * @param maxConnections       client connections open at once in all, counted at accept (closed at once beyond);
 *                             {@code 0} means a quarter of the process's open-file limit ({@code RLIMIT_NOFILE}),
 *                             as a proxied connection holds two descriptors and the API and the sandboxes need
 *                             theirs; 4096 if the limit cannot be read
 * @param headTimeout          a new connection must deliver a complete request head within this; so must a kept
 *                             alive one once the next request has begun (closed otherwise; checked four times per
 *                             the shorter of the two timeouts, so up to a quarter of it late)
 * @param keepAliveTimeout     a kept-alive connection with no new request for this long is closed
 * @param idleTimeout          a client connection with no traffic either way for this long (up to a quarter
 *                             longer: it is checked four times per timeout) is closed
 * @param upstreamIdleTimeout  a pooled keep-alive connection to an app unused for this long is closed;
 *                             keep it below the apps' own keep-alive timeout (Node's is 5 s)
 * @param connectTimeout       how long connecting to an app may take before the client gets a 502
 * @param threads              event-loop threads; {@code 0} means half the CPU cores (at least one): the gateway
 *                             shares the machine with the apps it serves, and measured on 2 cores one loop
 *                             carried ~40% more requests than two
 */
@Validated
@ConfigurationProperties("spawnai.gateway")
public record GatewayProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("8081") @Min(0) @Max(65535) int port,
        @DefaultValue("0.0.0.0") @NotBlank String bind,
        @DefaultValue("localhost") @Pattern(regexp = "[a-z0-9]([a-z0-9.-]*[a-z0-9])?") String domain,
        @Nullable @Min(1) @Max(65535) Integer publicPort,
        @DefaultValue("http") @Pattern(regexp = "https?") String scheme,
        @DefaultValue("10MB") @NotNull DataSize maxBody,
        @DefaultValue("256") @Min(1) int maxConnectionsPerApp,
        @DefaultValue("32") @Min(1) int maxConnectionsPerClientPerApp,
        @DefaultValue("256") @Min(1) int maxConnectionsPerClient,
        @DefaultValue("0") @Min(0) int maxConnections,
        @DefaultValue("10s") @NotNull Duration headTimeout,
        @DefaultValue("30s") @NotNull Duration keepAliveTimeout,
        @DefaultValue("5m") @NotNull Duration idleTimeout,
        @DefaultValue("4s") @NotNull Duration upstreamIdleTimeout,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("0") @Min(0) int threads) {

    /** The number of event-loop threads to run. */
    int eventLoopThreads() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** The global connection cap to apply: {@link #maxConnections} or, for {@code 0}, one from the open-file limit. */
    int connectionCap() {
        if (maxConnections > 0) {
            return maxConnections;
        }
        long openFiles = ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : -1;
        return openFiles > 0 ? (int) Math.min(Integer.MAX_VALUE, Math.max(64, openFiles / 4)) : 4096;
    }

    /** The values bound from an empty environment. */
    public static GatewayProperties defaults() {
        return new GatewayProperties(true, 8081, "0.0.0.0", "localhost", null, "http", DataSize.ofMegabytes(10), 256,
                32, 256, 0, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofMinutes(5), Duration.ofSeconds(4), Duration.ofSeconds(5), 0);
    }
}
