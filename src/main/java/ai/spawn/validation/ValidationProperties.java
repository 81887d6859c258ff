package ai.spawn.validation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code spawnai.validation.*}: size limits of a bundle.
 *
 * @param maxFiles      most files
 * @param maxFileSize   largest single file
 * @param maxBundleSize largest sum of files
 * @param maxPathLength longest relative path
 */
@Validated
@ConfigurationProperties("spawnai.validation")
public record ValidationProperties(
        @Min(1) @DefaultValue("200") int maxFiles,
        @NotNull @DefaultValue("1MB") DataSize maxFileSize,
        @NotNull @DefaultValue("5MB") DataSize maxBundleSize,
        @Min(8) @DefaultValue("200") int maxPathLength) {
}
