package ai.spawn.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves the host names the egress proxy connects to, on the host (a sandbox has no resolver). Replaceable so
 * tests can point an allowed name at a local fake server. Implementations are thread-safe and may block.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * The addresses of {@code host}, in the order to try them.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver (the system's, with the JVM's cache). */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
