package ai.spawn.sandbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How many sandboxes one machine holds ({@code spawnai.sandbox.*}, next to {@link SandboxProperties}; kept apart
 * because capacity is a concern of its own). Immutable.
 *
 * @param poolSize       pre-created sandboxes kept ready per template (with the default limits); 0 disables the
 *                       warm pool
 * @param poolTemplates  the templates that get a warm pool
 * @param maxLive        most sandboxes on this machine, pooled ones included; beyond it {@code create} throws
 *                       {@link SandboxCapacityException}
 * @param memoryHeadroom no sandbox is created (nor pooled) while the host has less available memory than this
 */
@Validated
@ConfigurationProperties("spawnai.sandbox")
public record SandboxCapacityProperties(
        @DefaultValue("2") @Min(0) @Max(64) int poolSize,
        @DefaultValue({"node", "python", "static"}) @NotEmpty List<String> poolTemplates,
        @DefaultValue("1000") @Min(1) int maxLive,
        @DefaultValue("1GB") @NotNull DataSize memoryHeadroom) {

    public SandboxCapacityProperties {
        poolTemplates = List.copyOf(poolTemplates);
    }
}
