package ai.spawn.usage;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code spawnai.usage.*}: resource metering.
 *
 * @param sampleInterval how often every sandbox's memory is read, for its average and the metrics
 * @param retain         how long the figures of a sandbox that is gone are kept for a last {@code usage} call
 */
@Validated
@ConfigurationProperties("spawnai.usage")
public record UsageProperties(
        @DefaultValue("10s") @NotNull Duration sampleInterval,
        @DefaultValue("15m") @NotNull Duration retain) {
}
