package ai.spawn.gateway;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens a unix socket file that a sandbox may have replaced, without following a link: {@code open(2)} with
 * {@code O_PATH|O_NOFOLLOW} gives a descriptor of whatever the last path component is (a symbolic link itself, not
 * its target), {@code fstat(2)} on that descriptor says it is a socket owned by the expected uid, and connecting to
 * {@code /proc/self/fd/N} reaches exactly that inode (the same way systemd connects to long socket paths). A
 * {@code connect(2)} by the path itself would follow a link the sandbox planted, as root, into any host socket. The
 * directories above the last component are the host's (the sandbox cannot rename or replace them).
 *
 * <p>Written against the C library through JNA because the JDK can open neither {@code O_PATH} descriptors nor
 * socket files, and Netty's native transport exposes no {@code open}. x86_64 and aarch64 layouts of
 * {@code struct stat}; on another platform every open fails, so the gateway refuses rather than follows. Stateless,
 * thread-safe.
 */
final class SocketFiles {

    private static final int ENOENT = 2;
    private static final int O_PATH = 010000000;
    private static final int O_NOFOLLOW = Platform.isARM() ? 0100000 : 0400000;
    private static final int O_CLOEXEC = 02000000;
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int STAT_SIZE = 256;
    /** Offsets of {@code st_mode} and {@code st_uid} in {@code struct stat}, or -1 where the layout is unknown. */
    private static final int MODE_OFFSET;
    private static final int UID_OFFSET;

    static {
        if (Platform.isLinux() && Platform.isIntel() && Platform.is64Bit()) {
            MODE_OFFSET = 24;
            UID_OFFSET = 28;
        } else if (Platform.isLinux() && Platform.isARM() && Platform.is64Bit()) {
            MODE_OFFSET = 16;
            UID_OFFSET = 24;
        } else {
            MODE_OFFSET = -1;
            UID_OFFSET = -1;
        }
    }

    /** The C library calls used; errors come back as {@link LastErrorException} carrying {@code errno}. */
    private interface LibC extends Library {
        int open(byte[] path, int flags) throws LastErrorException;

        int fstat(int fd, byte[] stat) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    /** Loaded on first use: a gateway that never reaches a unix socket never loads JNA. */
    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    /**
     * A socket file held open by an {@code O_PATH} descriptor until {@link #close()}.
     *
     * @param fd   the descriptor
     * @param path what to connect to: {@code /proc/self/fd/}{@code fd}
     */
    record Opened(int fd, String path) implements AutoCloseable {

        @Override
        public void close() {
            try {
                Holder.LIBC.close(fd);
            } catch (LastErrorException ignored) {
                // nothing to do: the descriptor is gone either way
            }
        }
    }

    private SocketFiles() {
    }

    /**
     * Opens {@code path}'s last component without following it.
     *
     * @param owner the uid the socket file must belong to, or -1 for any
     * @throws IOException when it is missing, is not a socket (a link, a FIFO, a file...), belongs to another uid,
     *                     or the platform's {@code struct stat} is unknown
     */
    static Opened open(Path path, int owner) throws IOException {
        if (MODE_OFFSET < 0) {
            throw new IOException("cannot open sockets without following links on " + Platform.ARCH);
        }
        byte[] name = (path.toString() + '\0').getBytes(StandardCharsets.UTF_8);
        int fd;
        try {
            fd = Holder.LIBC.open(name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == ENOENT) {
                throw new NoSuchFileException(path.toString());
            }
            throw new IOException(path + ": " + strerror(e.getErrorCode()), e);
        }
        Opened opened = new Opened(fd, "/proc/self/fd/" + fd);
        try {
            byte[] stat = new byte[STAT_SIZE];
            Holder.LIBC.fstat(fd, stat);
            ByteBuffer buffer = ByteBuffer.wrap(stat).order(ByteOrder.nativeOrder());
            int mode = buffer.getInt(MODE_OFFSET);
            int uid = buffer.getInt(UID_OFFSET);
            if ((mode & S_IFMT) != S_IFSOCK) {
                throw new IOException(path + " is not a socket (" + kind(mode) + ")");
            }
            if (owner >= 0 && uid != owner) {
                throw new IOException(path + " belongs to uid " + uid + ", not " + owner);
            }
            return opened;
        } catch (LastErrorException e) {
            opened.close();
            throw new IOException(path + ": " + strerror(e.getErrorCode()), e);
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private static String kind(int mode) {
        return switch (mode & S_IFMT) {
            case 0120000 -> "a symbolic link";
            case 0100000 -> "a regular file";
            case 0040000 -> "a directory";
            case 0010000 -> "a FIFO";
            case 0020000, 0060000 -> "a device";
            default -> "mode " + Integer.toOctalString(mode);
        };
    }

    private static String strerror(int errno) {
        return switch (errno) {
            case 13 -> "permission denied";
            case 20 -> "a path component is not a directory";
            case 40 -> "too many levels of symbolic links";
            default -> "errno " + errno;
        };
    }
}
