package ai.spawn.gateway;

import ai.spawn.sandbox.SandboxEndpoint;
import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.unix.PeerCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

/**
 * Who listens on a connected unix socket ({@code SO_PEERCRED}: the uid and pid of the process that called
 * {@code listen(2)}), checked against the sandbox the route names ({@link SandboxEndpoint.Peer}) before a byte is
 * sent. Reads the sandbox's {@code cgroup.procs} once per new connection (a few lines of an in-memory file), off the
 * per-request path since connections are pooled. Stateless, thread-safe.
 */
final class PeerCheck {

    private PeerCheck() {
    }

    /**
     * Why {@code channel}'s peer is not {@code peer}, or {@code null} when it is.
     *
     * @throws IOException when the peer's credentials cannot be read (treat as refused)
     */
    static String problem(Channel channel, SandboxEndpoint.Peer peer) throws IOException {
        if (!(channel instanceof EpollDomainSocketChannel unix)) {
            return "the peer of " + channel.getClass().getSimpleName() + " cannot be checked (native epoll needed)";
        }
        PeerCredentials credentials = unix.peerCredentials();
        if (credentials.uid() != peer.uid()) {
            return "the socket is served by uid " + credentials.uid() + ", not the sandbox's " + peer.uid();
        }
        if (!listed(credentials.pid(), peer)) {
            return "the socket is served by pid " + credentials.pid() + ", which is not in the sandbox's cgroup";
        }
        return null;
    }

    private static boolean listed(int pid, SandboxEndpoint.Peer peer) throws IOException {
        if (pid <= 0) {
            return false;
        }
        String wanted = Integer.toString(pid);
        String procs;
        try {
            procs = Files.readString(peer.cgroupProcs(), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException gone) {
            return false;
        }
        for (String line : procs.split("\n")) {
            if (line.strip().equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
