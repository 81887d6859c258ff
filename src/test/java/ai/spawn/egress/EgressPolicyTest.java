package ai.spawn.egress;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EgressPolicyTest {

    private final EgressPolicy policy = new EgressPolicy(EgressProperties.defaults()
            .withAllowedHosts(List.of("registry.npmjs.org", "*.pythonhosted.org", "Mirror.Example.")));

    @Test
    void allowsListedNamesCaseInsensitivelyAndWildcardsOnlyBelowTheirDomain() {
        assertThat(policy.allowsHost("registry.npmjs.org")).isTrue();
        assertThat(policy.allowsHost("mirror.example")).isTrue();
        assertThat(policy.allowsHost("files.pythonhosted.org")).isTrue();
        assertThat(policy.allowsHost("pythonhosted.org")).isFalse();
        assertThat(policy.allowsHost("evilpythonhosted.org")).isFalse();
        assertThat(policy.allowsHost("registry.npmjs.org.evil.com")).isFalse();
        assertThat(policy.allowsHost("npmjs.org")).isFalse();
    }

    @Test
    void tunnelsGoTo443AndPlainHttpTo80ByDefault() {
        assertThat(policy.refusal(Destination.parse("registry.npmjs.org:443", -1), true)).isEmpty();
        assertThat(policy.refusal(Destination.parse("registry.npmjs.org:80", -1), true))
                .contains("port 80 not allowed for tunnels");
        assertThat(policy.refusal(Destination.parse("registry.npmjs.org", 80), false)).isEmpty();
        assertThat(policy.refusal(Destination.parse("registry.npmjs.org:8080", 80), false)).isPresent();
        assertThat(policy.refusal(Destination.parse("example.com:443", -1), true)).contains("host not allowed");
    }

    @Test
    void onlyPublicAddressesUnlessPrivateOnesAreAllowed() throws Exception {
        for (String a : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "100.64.0.1", "224.0.0.1", "::1", "fe80::1", "fd00::1", "::")) {
            assertThat(policy.allowsAddress(InetAddress.getByName(a))).as(a).isFalse();
        }
        for (String a : List.of("104.16.0.1", "151.101.0.162", "2606:4700::1", "2a04:4e42::223")) {
            assertThat(policy.allowsAddress(InetAddress.getByName(a))).as(a).isTrue();
        }
        EgressPolicy lax = new EgressPolicy(EgressProperties.defaults().allowingPrivateAddresses());
        assertThat(lax.allowsAddress(InetAddress.getByName("127.0.0.1"))).isTrue();
    }

    @Test
    void onlyGlobalUnicastIsPublic() throws Exception {
        for (String a : List.of(
                // IPv4 special-purpose ranges (IANA registry): this network, shared, protocol assignments,
                // the 6to4 relay anycast, benchmarking, reserved, broadcast
                "0.1.2.3", "100.127.255.254", "192.0.0.8", "192.88.99.1", "198.18.0.1",
                "198.19.255.254", "240.0.0.1", "255.255.255.255",
                // IPv4 embedded in IPv6: compatible (deprecated), NAT64 (well-known and local-use), 6to4, Teredo
                "::127.0.0.1", "::10.0.0.1", "::8.8.8.8", "64:ff9b::7f00:1", "64:ff9b::8.8.8.8", "64:ff9b:1::1",
                "2002:7f00:1::1", "2002:0808:0808::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2",
                // IPv6 special-purpose ranges outside global unicast, and inside 2000::/3
                "100::1", "2001:2::1", "2001:10::1", "2001:20::1", "3fff::1", "fec0::1", "ff02::1",
                "4000::1", "::2")) {
            assertThat(EgressPolicy.isPublic(InetAddress.getByName(a))).as(a).isFalse();
        }
        assertThat(EgressPolicy.isPublic(InetAddress.getByName("::ffff:127.0.0.1"))).isFalse();
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 8, 8, 8, 8};
        assertThat(EgressPolicy.isPublic(java.net.Inet6Address.getByAddress(null, mapped, -1)))
                .as("mapped, kept as IPv6").isFalse();
        // documentation ranges pass: nobody's internal network (and where some networks put registries)
        for (String a : List.of("192.0.2.1", "198.51.100.7", "203.0.113.80", "2001:db8::1")) {
            assertThat(EgressPolicy.isPublic(InetAddress.getByName(a))).as(a).isTrue();
        }
        for (String a : List.of("8.8.8.8", "1.1.1.1", "100.63.0.1", "100.128.0.1", "198.17.255.1", "198.20.0.1",
                "223.255.255.1", "2606:4700::6810:1", "2001:4860:4860::8888", "2003::1", "2a00:1450:4001::1")) {
            assertThat(EgressPolicy.isPublic(InetAddress.getByName(a))).as(a).isTrue();
        }
    }

    @Test
    void parsesDestinations() {
        assertThat(Destination.parse("Registry.NPMJS.org.:443", -1)).isEqualTo(new Destination("registry.npmjs.org",
                443));
        assertThat(Destination.parse("[::1]:8443", -1)).isEqualTo(new Destination("::1", 8443));
        assertThat(Destination.parse("example.com", 80).authority()).isEqualTo("example.com:80");
        assertThat(new Destination("::1", 443).authority()).isEqualTo("[::1]:443");
        for (String bad : List.of("", ":443", "a b:443", "host:0", "host:65536", "host:x", "host", "[::1", "[zz]:1",
                "host:443\r\nX: y", "-bad-.com:443", "a..b:443")) {
            assertThatThrownBy(() -> Destination.parse(bad, -1)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void portsAreConfigurable() {
        EgressPolicy custom = new EgressPolicy(EgressProperties.defaults().withPorts(Set.of(443, 8443), Set.of()));

        assertThat(custom.refusal(Destination.parse("registry.npmjs.org:8443", -1), true)).isEmpty();
        assertThat(custom.refusal(Destination.parse("registry.npmjs.org:80", -1), false)).isPresent();
    }
}
