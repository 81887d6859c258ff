package ai.spawn.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link HostResolver} for tests: names it knows resolve to loopback (where fake upstreams listen), every other
 * name is unknown; it records every name it was asked, so tests can prove a refused name was never resolved.
 */
public final class FakeDns implements HostResolver {

    private final Map<String, InetAddress> names = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();

    /** Resolves each of {@code names} to 127.0.0.1. */
    public static FakeDns loopback(String... names) {
        FakeDns dns = new FakeDns();
        for (String name : names) {
            dns.names.put(name, InetAddress.getLoopbackAddress());
        }
        return dns;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        asked.add(host);
        InetAddress address = names.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return List.of(address);
    }

    /** Every name asked so far, in order. */
    public List<String> asked() {
        return List.copyOf(asked);
    }
}
