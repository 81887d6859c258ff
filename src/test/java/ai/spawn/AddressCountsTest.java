package ai.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressCountsTest {

    private final AddressCounts counts = new AddressCounts(2);

    @Test
    void refusesAnAddressAtItsMaximumWithoutCountingIt() throws Exception {
        InetAddress one = InetAddress.getByName("127.0.0.1");
        InetAddress two = InetAddress.getByName("127.0.0.2");

        assertThat(counts.tryAdd(one)).isTrue();
        assertThat(counts.tryAdd(one)).isTrue();
        assertThat(counts.tryAdd(one)).isFalse();
        assertThat(counts.count(one)).isEqualTo(2);
        assertThat(counts.tryAdd(two)).isTrue();

        counts.remove(one);
        assertThat(counts.tryAdd(one)).isTrue();
    }

    @Test
    void forgetsAnAddressWithoutConnections() throws Exception {
        InetAddress one = InetAddress.getByName("127.0.0.1");
        counts.tryAdd(one);
        counts.remove(one);
        counts.remove(one);

        assertThat(counts.count(one)).isZero();
        assertThat(counts.tryAdd(one)).isTrue();
        assertThat(counts.tryAdd(one)).isTrue();
        assertThat(counts.tryAdd(one)).isFalse();
    }
}
