package ai.spawn.sandbox;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Sandbox settings ({@code spawnai.sandbox.*}): which provider runs sandboxes and the default limits of each.
 * Immutable.
 *
 * @param provider which {@link SandboxProvider} to use: {@code local} (bubblewrap, the default)
 * @param memory   default memory limit of a sandbox
 * @param pids     default maximum number of processes and threads of a sandbox
 * @param cpu      default cpu quota in cores (0.5 = half a core)
 * @param disk     default workspace size of a sandbox
 * @param uid      the unprivileged host uid (and gid) sandboxed processes run as; never 0
 * @param openFiles default maximum number of open files per sandboxed process
 * @param workspace where a sandbox's workspace lives: {@code disk} (the default: a file system of its own, the size
 *                  of the disk limit, whose files do not take the sandbox's memory) or {@code memory} (a tmpfs:
 *                  faster to make, but its files count towards the memory limit)
 */
@Validated
@ConfigurationProperties("spawnai.sandbox")
public record SandboxProperties(
        @DefaultValue("local") @NotBlank String provider,
        @DefaultValue("256MB") @NotNull DataSize memory,
        @DefaultValue("128") @Min(8) int pids,
        @DefaultValue("0.5") @DecimalMin("0.01") double cpu,
        @DefaultValue("512MB") @NotNull DataSize disk,
        @DefaultValue("10001") @Min(1) int uid,
        @DefaultValue("1024") @Min(16) int openFiles,
        @DefaultValue("disk") @NotNull Workspace workspace) {

    /** Where workspaces live. */
    public enum Workspace {
        /** An ext4 file system in a sparse image file per sandbox, loop-mounted: the disk limit is a disk limit. */
        DISK,
        /** A size-limited tmpfs per sandbox: its files take memory and count towards the memory limit. */
        MEMORY
    }

    /** The limits a sandbox gets unless a caller asks for others. */
    public SandboxLimits limits() {
        return new SandboxLimits(memory, pids, (int) Math.round(cpu * 1000), disk, openFiles);
    }
}
