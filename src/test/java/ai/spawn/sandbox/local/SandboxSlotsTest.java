package ai.spawn.sandbox.local;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxSlotsTest {

    @Test
    void givesOutAtMostMaxSlots() {
        SandboxSlots slots = new SandboxSlots(2, 0, () -> 0);

        assertThat(slots.tryAcquire()).isTrue();
        assertThat(slots.tryAcquire()).isTrue();
        assertThat(slots.tryAcquire()).isFalse();
        slots.release();
        assertThat(slots.tryAcquire()).isTrue();
        assertThat(slots.used()).isEqualTo(2);
    }

    @Test
    void hasMemoryOnlyAboveTheHeadroom() {
        AtomicLong available = new AtomicLong(100);
        SandboxSlots slots = new SandboxSlots(10, 100, available::get);

        assertThat(slots.hasMemory()).isTrue();
        available.set(99);
        assertThat(slots.hasMemory()).isFalse();
        assertThat(new SandboxSlots(10, 0, () -> 0).hasMemory()).isTrue();
    }
}
