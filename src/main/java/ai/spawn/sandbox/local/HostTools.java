package ai.spawn.sandbox.local;

import java.nio.file.Path;

/**
 * Absolute paths of the host programs the local provider runs. {@code socat} and {@code tar} also run inside
 * sandboxes, so they live under {@code /usr} (the part of the host a sandbox sees).
 */
record HostTools(Path sh, Path setpriv, Path bwrap, Path socat, Path tar, Path mount, Path umount) {
}
