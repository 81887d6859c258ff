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

    /**
     * Whether {@code a} is a global unicast address: IPv4 outside the IANA special-purpose ranges that are not
     * globally reachable, or IPv6 inside {@code 2000::/3} outside its special-purpose ranges. Every other IPv6
     * address is refused, so an IPv4 address embedded in IPv6 (compatible {@code ::a.b.c.d}, mapped, NAT64
     * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}, Teredo) never passes for a public one.
     */
    static boolean isPublic(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return NOT_GLOBAL_V4.stream().noneMatch(r -> r.contains(b));
        }
        return a instanceof Inet6Address && (b[0] & 0xe0) == 0x20
                && NOT_GLOBAL_V6.stream().noneMatch(r -> r.contains(b));
    }

    // IANA IPv4 / IPv6 Special-Purpose Address Registries, the entries not globally reachable (a few globally
    // reachable anycast ones inside 192.0.0.0/24 and 2001::/23 are refused with their block: no registry lives there).
    // The documentation ranges (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32) are left out on purpose: they
    // are nobody's internal network, so reaching them exposes nothing, and some networks answer registry names with
    // them (this project's CI machines resolve the npm registry to 203.0.113.80)
    private static final List<Range> NOT_GLOBAL_V4 = Range.all("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.88.99.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4");
    private static final List<Range> NOT_GLOBAL_V6 = Range.all("2001::/23", "2002::/16", "3fff::/20");

    /** An address block in CIDR notation. */
    private record Range(byte[] prefix, int bits) {

        static List<Range> all(String... cidrs) {
            return java.util.Arrays.stream(cidrs).map(Range::parse).toList();
        }

        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                return new Range(InetAddress.getByName(cidr.substring(0, slash)).getAddress(),
                        Integer.parseInt(cidr.substring(slash + 1)));
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((address[i / 8] & mask) != (prefix[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
