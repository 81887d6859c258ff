package ai.spawn.sandbox.local;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Packs files for a workspace into a tar archive, which {@code tar} unpacks <em>inside</em> the sandbox: paths
 * then resolve in the sandbox's own mount namespace as the sandbox uid, so a symbolic link the sandbox planted in
 * its workspace cannot redirect a write to the host. Stateless.
 */
final class FilesArchive {

    private FilesArchive() {
    }

    /**
     * @throws IllegalArgumentException when a path is absolute, empty or leaves the workspace
     */
    static byte[] tar(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Instant now = Instant.now();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(checkedPath(file.getKey()));
                entry.setSize(content.length);
                entry.setMode(0100644);
                entry.setModTime(now.toEpochMilli());
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The normalized relative path, or an exception when it would not stay inside the workspace. */
    static String checkedPath(String path) {
        if (path == null || path.isBlank() || path.indexOf('\0') >= 0 || path.startsWith("/")) {
            throw new IllegalArgumentException("not a relative path: " + path);
        }
        Path normalized = Path.of(path).normalize();
        String result = normalized.toString();
        if (result.isEmpty() || result.equals("..") || result.startsWith("../") || normalized.isAbsolute()) {
            throw new IllegalArgumentException("path leaves the workspace: " + path);
        }
        return result;
    }
}
