package ai.spawn.sandbox.local;

import java.nio.file.Path;

/**
 * Absolute paths of the host programs the local provider runs. {@code socat} and {@code tar} also run inside
 * sandboxes, so they live under {@code /usr} (the part of the host a sandbox sees). {@code mkfs} ({@code mkfs.ext4})
 * is {@code null} when the host has none: only disk-backed workspaces need it.
 */
record HostTools(Path sh, Path setpriv, Path bwrap, Path socat, Path tar, Path mount, Path umount, Path mkfs) {
}
