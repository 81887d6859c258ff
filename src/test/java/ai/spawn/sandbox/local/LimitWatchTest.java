package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.security.SecurityEvent;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LimitWatchTest {

    private static final String ID = "sbx-abcdefghij";
    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    private final FakeCgroups cgroups = new FakeCgroups();
    private final FakeWorkspace workspace = new FakeWorkspace();
    private final List<SecurityEvent> events = new ArrayList<>();
    private Instant now = T0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LimitWatch watch = new LimitWatch(ID,
            new SandboxSpec("app-1", "node", SandboxLimits.defaults(), Map.of()), workspace, cgroups, events::add,
            clock);

    private List<String> kinds() {
        return events.stream().map(SecurityEvent::kind).toList();
    }

    @Test
    void reportsEachOomKillOnceWithTheAppAndSandbox() {
        watch.check(false);
        cgroups.counters = new LimitCounters(1, 0);

        watch.check(false);
        watch.check(false);

        assertThat(events).containsExactly(new SecurityEvent("app-1", ID, "oom-killed",
                "a process went over the 256 MiB memory limit and was killed", T0));
    }

    @Test
    void aForkBombYieldsOneEventPerQuietPeriodWithTheCount() {
        cgroups.counters = new LimitCounters(0, 5);
        watch.check(false);
        cgroups.counters = new LimitCounters(0, 500);
        now = T0.plusSeconds(30);
        watch.check(false);
        assertThat(events).hasSize(1);

        now = T0.plus(LimitWatch.QUIET);
        watch.check(false);

        assertThat(events).extracting(SecurityEvent::detail).containsExactly(
                "starting a process or thread was refused at the limit of 128 (5 times)",
                "starting a process or thread was refused at the limit of 128 (495 times)");
    }

    @Test
    void aForcedCheckReportsWhatIsPendingAtOnce() {
        cgroups.counters = new LimitCounters(1, 0);
        watch.check(false);
        cgroups.counters = new LimitCounters(2, 0);

        watch.check(true);

        assertThat(kinds()).containsExactly("oom-killed", "oom-killed");
    }

    @Test
    void reportsAFullWorkspaceWhenItFillsUp() {
        workspace.usable = 0;
        watch.check(false);
        watch.check(false);
        workspace.usable = 8 << 20;
        watch.check(false);
        workspace.usable = 0;
        now = T0.plus(LimitWatch.QUIET);
        watch.check(false);

        assertThat(kinds()).containsExactly("disk-full", "disk-full");
        assertThat(events.get(0).detail()).contains("512 MiB");
        assertThat(watch.workspaceFull()).isTrue();
    }

    @Test
    void aWorkspaceWithTheFewClustersExt4KeepsBackLeftIsFull() {
        workspace.usable = 987_136; // what a 512 MiB ext4 workspace reported after writes failed with ENOSPC
        assertThat(watch.workspaceFull()).isTrue();
        workspace.usable = 3 << 20;
        assertThat(watch.workspaceFull()).isFalse();
    }

    @Test
    void filesOfAWorkspaceThatIsNoTmpfsTakeNoMemory() {
        workspace.usable = 0;

        assertThat(watch.workspaceBytes()).isZero();
    }

    @Test
    void reportsLogFloodsAtMostOncePerQuietPeriod() {
        watch.logFlood("more than 10 lines in 1 s");
        watch.logFlood("more than 10 lines in 1 s");
        now = T0.plus(LimitWatch.QUIET);
        watch.check(false);

        assertThat(events).extracting(SecurityEvent::detail).containsExactly(
                "the app wrote more than 10 lines in 1 s; only its last 1000 lines are kept",
                "the app wrote more than 10 lines in 1 s; only its last 1000 lines are kept");
    }

    @Test
    void reportsSeccompKills() {
        watch.seccompKilled("a command");

        assertThat(kinds()).containsExactly("seccomp-denied");
        assertThat(events.get(0).detail()).startsWith("a command was killed by the seccomp filter");
    }

    @Test
    void aFailingSinkDoesNotFailTheCheck() {
        LimitWatch failing = new LimitWatch(ID, new SandboxSpec("app-1", "node", SandboxLimits.defaults(), Map.of()),
                workspace, cgroups, event -> {
                    throw new IllegalStateException("database down");
                }, clock);
        cgroups.counters = new LimitCounters(1, 1);

        failing.check(true);

        assertThat(failing.counters()).isEqualTo(new LimitCounters(1, 1));
    }

    /** A workspace whose free space the test sets. */
    private static final class FakeWorkspace extends File {

        long usable = 100L << 20;

        FakeWorkspace() {
            super("/nonexistent/workspace");
        }

        @Override
        public long getTotalSpace() {
            return 512L << 20;
        }

        @Override
        public long getUsableSpace() {
            return usable;
        }

        @Override
        public long getFreeSpace() {
            return usable;
        }
    }

    /** Counters the test sets; the rest is never called. */
    private static final class FakeCgroups extends InertCgroups {

        LimitCounters counters = LimitCounters.NONE;

        @Override
        public LimitCounters counters(String sandboxId) {
            return counters;
        }
    }
}
