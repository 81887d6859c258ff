package ai.spawn.sandbox.local;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxIdsTest {

    @Test
    void idsAreShortLowercaseBase32AndDistinct() {
        SandboxIds ids = new SandboxIds();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = ids.next();
            assertThat(id).matches("sbx-[a-z2-7]{10}");
            assertThat(SandboxIds.isValid(id)).isTrue();
            seen.add(id);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void rejectsAnythingElse() {
        assertThat(SandboxIds.isValid(null)).isFalse();
        assertThat(SandboxIds.isValid("../../etc")).isFalse();
        assertThat(SandboxIds.isValid("sbx-ABCDEFGHIJ")).isFalse();
        assertThat(SandboxIds.isValid("sbx-abcdefghij/..")).isFalse();
        assertThat(SandboxIds.isValid("sbx-abcdefghi")).isFalse();
    }
}
