package ai.spawn.security;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityEventTest {

    @Test
    void kindsAreLowerCaseWithDashes() {
        assertThatThrownBy(() -> new SecurityEvent("app", null, "OOM killed", "", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecurityEvent("app", null, "a".repeat(33), "", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SecurityEvent("app", null, "egress-refused", null, Instant.EPOCH).detail()).isEmpty();
    }
}
