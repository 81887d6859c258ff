package ai.spawn.egress;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a sandbox wants to go: a host (a DNS name or an address literal, lower-cased, no trailing dot, IPv6 without
 * brackets) and a port.
 */
record Destination(String host, int port) {

    private static final Pattern NAME = Pattern.compile(
            "[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");

    /**
     * Parses {@code host:port} (a CONNECT target, or an authority with {@code defaultPort} when the port is
     * missing); IPv6 literals in brackets.
     *
     * @throws IllegalArgumentException when it is not a valid host and port
     */
    static Destination parse(String authority, int defaultPort) {
        String host;
        String port;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed IPv6 literal");
            }
            host = authority.substring(1, close);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException("garbage after the IPv6 literal");
            }
            port = rest.isEmpty() ? null : rest.substring(1);
            if (!IPV6.matcher(host.toLowerCase(Locale.ROOT)).matches() || !host.contains(":")) {
                throw new IllegalArgumentException("invalid IPv6 literal");
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? null : authority.substring(colon + 1);
        }
        return new Destination(normalize(host), parsePort(port, defaultPort));
    }

    /** {@code host} lower-cased without a trailing dot. @throws IllegalArgumentException when it is not a name */
    static String normalize(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.length() > 253 || !(NAME.matcher(h).matches() || IPV6.matcher(h).matches() && h.contains(":"))) {
            throw new IllegalArgumentException("invalid host");
        }
        return h;
    }

    private static int parsePort(String port, int defaultPort) {
        if (port == null) {
            if (defaultPort < 1) {
                throw new IllegalArgumentException("missing port");
            }
            return defaultPort;
        }
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("invalid port");
        }
        int p = Integer.parseInt(port);
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("port out of range");
        }
        return p;
    }

    /** {@code host:port}, with brackets around an IPv6 literal. */
    String authority() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return authority();
    }
}
