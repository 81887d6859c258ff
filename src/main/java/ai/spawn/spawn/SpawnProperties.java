package ai.spawn.spawn;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code spawnai.apps.*}: lifetimes and limits of apps.
 *
 * @param ttl            lifetime of a new app
 * @param maxTtl         the furthest an extension may move the deadline, counted from now
 * @param healthTimeout  how long an app may take to answer HTTP after start
 * @param installTimeout how long an install command may run
 * @param workers        pipelines run in parallel
 * @param maxPromptChars longest accepted prompt
 * @param reaperInterval how often expired apps and orphan sandboxes are looked for
 * @param maxFixAttempts how many corrected bundles the fix loop may ask a model for after a failure
 * @param budgetUsd      the most generation may cost per app, fix attempts and edits included
 * @param maxRestarts    how often a crashed app is started again before it stays CRASHED
 */
@Validated
@ConfigurationProperties("spawnai.apps")
public record SpawnProperties(
        @NotNull @DefaultValue("PT1H") Duration ttl,
        @NotNull @DefaultValue("PT24H") Duration maxTtl,
        @NotNull @DefaultValue("PT20S") Duration healthTimeout,
        @NotNull @DefaultValue("PT2M") Duration installTimeout,
        @Min(1) @Max(256) @DefaultValue("4") int workers,
        @Min(1) @DefaultValue("4000") int maxPromptChars,
        @NotNull @DefaultValue("PT5S") Duration reaperInterval,
        @Min(0) @Max(10) @DefaultValue("2") int maxFixAttempts,
        @DefaultValue("0.10") double budgetUsd,
        @Min(0) @Max(100) @DefaultValue("2") int maxRestarts) {
}
