package ai.spawn.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CleanupsTest {

    @Test
    void runsInReverseOrderOnce() {
        List<String> ran = new ArrayList<>();
        Cleanups cleanups = new Cleanups();
        cleanups.register("a", () -> ran.add("a"));
        cleanups.register("b", () -> ran.add("b"));
        cleanups.runAll();
        cleanups.runAll();
        assertThat(ran).containsExactly("b", "a");
    }

    @Test
    void keepsGoingWhenOneFails() {
        List<String> ran = new ArrayList<>();
        Cleanups cleanups = new Cleanups();
        cleanups.register("a", () -> ran.add("a"));
        cleanups.register("boom", () -> {
            throw new IllegalStateException("boom");
        });
        cleanups.runAll();
        assertThat(ran).containsExactly("a");
    }

    @Test
    void aResourceRegisteredAfterTeardownIsReleasedAtOnce() {
        List<String> ran = new ArrayList<>();
        Cleanups cleanups = new Cleanups();
        cleanups.runAll();
        cleanups.register("late", () -> ran.add("late"));
        assertThat(ran).containsExactly("late");
    }
}
