package ai.spawn.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which destinations a sandbox may reach: names on the allow list, on allowed ports, resolving to public
 * addresses (unless private ones are allowed). Decisions on names never touch the network. Immutable, thread-safe.
 */
final class EgressPolicy {

    private final Set<String> exact;
    private final List<String> suffixes;
    private final Set<Integer> connectPorts;
    private final Set<Integer> httpPorts;
    private final boolean privateAddresses;

    EgressPolicy(EgressProperties properties) {
        this.exact = properties.allowedHosts().stream().filter(h -> !h.startsWith("*."))
                .map(Destination::normalize).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.suffixes = properties.allowedHosts().stream().filter(h -> h.startsWith("*."))
                .map(h -> "." + Destination.normalize(h.substring(2))).toList();
        this.connectPorts = properties.connectPorts();
        this.httpPorts = properties.httpPorts();
        this.privateAddresses = properties.allowPrivateAddresses();
    }

    /**
     * Why {@code destination} is refused, or empty when it is allowed.
     *
     * @param tunnel whether it is a {@code CONNECT} tunnel (else a plain-http request)
     */
    Optional<String> refusal(Destination destination, boolean tunnel) {
        if (!allowsHost(destination.host())) {
            return Optional.of("host not allowed");
        }
        if (!(tunnel ? connectPorts : httpPorts).contains(destination.port())) {
            return Optional.of("port " + destination.port() + " not allowed for " + (tunnel ? "tunnels" : "http"));
        }
        return Optional.empty();
    }

    boolean allowsHost(String host) {
        return exact.contains(host) || suffixes.stream().anyMatch(host::endsWith);
    }

    /** Whether connecting to {@code address} is allowed. */
    boolean allowsAddress(InetAddress address) {
        return privateAddresses || isPublic(address);
    }

    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && first < 224
                    && !(first == 169 && second == 254);
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc;
        }
        return false;
    }
}
