package ai.spawn.validation;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code spawnai.validation.*}: size limits of a bundle and the knobs of the code, syntax and dependency checks.
 *
 * @param maxFiles             most files
 * @param maxFileSize          largest single file
 * @param maxBundleSize        largest sum of files
 * @param maxPathLength        longest relative path
 * @param maxDependencies      most declared dependencies (package.json, requirements.txt and install commands
 *                             together); more is a BLOCK finding
 * @param maxEncodedBlob       longest single base64/hex token in a file before it is reported as a hidden blob
 * @param allowedAbsolutePaths absolute paths (and everything below them) that code may open: the sandbox's
 *                             workspace, {@code /tmp} and a few devices; any other absolute path is a BLOCK finding
 * @param syntaxCheck          whether to run the syntax check (one short-lived parser process per language)
 * @param syntaxTimeout        how long one parser process may take before its language is skipped
 * @param nodeCommand          the {@code node} executable used to parse JavaScript
 * @param pythonCommand        the {@code python3} executable used to parse Python
 */
@Validated
@ConfigurationProperties("spawnai.validation")
public record ValidationProperties(
        @Min(1) @DefaultValue("200") int maxFiles,
        @NotNull @DefaultValue("1MB") DataSize maxFileSize,
        @NotNull @DefaultValue("5MB") DataSize maxBundleSize,
        @Min(8) @DefaultValue("200") int maxPathLength,
        @Min(0) @DefaultValue("30") int maxDependencies,
        @NotNull @DefaultValue("2KB") DataSize maxEncodedBlob,
        @NotNull @DefaultValue({"/home/user/app", "/tmp", "/dev/null", "/dev/stdin", "/dev/stdout", "/dev/stderr",
                "/dev/urandom", "/dev/random"}) List<String> allowedAbsolutePaths,
        @DefaultValue("true") boolean syntaxCheck,
        @NotNull @DefaultValue("5s") Duration syntaxTimeout,
        @NotEmpty @DefaultValue("node") String nodeCommand,
        @NotEmpty @DefaultValue("python3") String pythonCommand) {

    private static final List<String> DEFAULT_ALLOWED_PATHS = List.of("/home/user/app", "/tmp", "/dev/null",
            "/dev/stdin", "/dev/stdout", "/dev/stderr", "/dev/urandom", "/dev/random");

    @ConstructorBinding
    public ValidationProperties {
        allowedAbsolutePaths = List.copyOf(allowedAbsolutePaths);
    }

    /** The size limits given, every other knob at its default. */
    public ValidationProperties(int maxFiles, DataSize maxFileSize, DataSize maxBundleSize, int maxPathLength) {
        this(maxFiles, maxFileSize, maxBundleSize, maxPathLength, 30, DataSize.ofKilobytes(2), DEFAULT_ALLOWED_PATHS,
                true, Duration.ofSeconds(5), "node", "python3");
    }

    /** Every knob at its default, as when nothing is configured. */
    public static ValidationProperties defaults() {
        return new ValidationProperties(200, DataSize.ofMegabytes(1), DataSize.ofMegabytes(5), 200);
    }
}
