package ai.spawn.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of an app's two unix sockets a new upstream connection goes to ({@code SandboxEndpoint.UnixSocket} with a
 * fallback): the preferred one (the app's own socket) while its file exists and has not refused a connection, else
 * the fallback (the sandbox's relay). Decided for each new connection with one {@code stat} of the socket file;
 * pooled connections are reused as they are, so this is off the per-request path. The file is only a hint: the
 * connection itself opens it without following links and checks who listens ({@link SocketFiles},
 * {@link PeerCheck}). A socket file that refused is
 * remembered (inode and modification time) until a new file replaces it (the app listening again), so a stale file
 * left by a process that died costs one refused connect, not one per request. Confined to the event loop of the
 * pool it serves.
 */
final class SocketChoice {

    private static final Logger log = LoggerFactory.getLogger(SocketChoice.class);

    private final Path preferred;
    private final Path fallback;
    /** Which preferred socket file refused a connection ({@link #fileKey()}), or {@code null}. */
    private Object refusedFile;

    SocketChoice(Path preferred, Path fallback) {
        this.preferred = preferred;
        this.fallback = fallback;
    }

    /** Where the next new connection goes. */
    Path next() {
        Object file = fileKey();
        return file != null && !file.equals(refusedFile) ? preferred : fallback;
    }

    /**
     * A connection to {@code address} failed. The preferred socket is given up until its file changes, unless it
     * only had a full listen queue (a burst, retried as for any app).
     */
    void failed(Path path, Throwable cause) {
        if (path == preferred && !Exchange.listenQueueFull(cause)) {
            refusedFile = fileKey();
            log.debug("The app's own socket {} refused a connection ({}); using its relay", preferred,
                    cause.toString());
        }
    }

    /**
     * Which socket file is there: its inode and modification time (a file created after another was deleted may get
     * the same inode number), or {@code null} when there is none.
     */
    private Object fileKey() {
        try {
            BasicFileAttributes file = Files.readAttributes(preferred, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return List.of(String.valueOf(file.fileKey()), file.lastModifiedTime());
        } catch (IOException e) {
            return null;
        }
    }
}
