package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The limit counters both cgroup strategies read, against fake cgroup trees. */
class CgroupCountersTest {

    private static final String ID = "sbx-abcdefghij";

    @TempDir
    Path root;

    @Test
    void v1ReadsOomKillsFromOomControlAndRefusedForksFromPidsEvents() throws IOException {
        for (String controller : new String[] {"memory", "pids", "cpu", "cpuacct"}) {
            Files.createDirectories(root.resolve(controller));
        }
        Files.writeString(root.resolve("memory/memory.limit_in_bytes"), "9223372036854771712\n");
        Cgroups cgroups = Cgroups.detect(root);
        cgroups.prepare();
        cgroups.create(ID, SandboxLimits.defaults());
        assertThat(cgroups.counters(ID)).isEqualTo(LimitCounters.NONE);

        Files.writeString(root.resolve("memory/spawnai/" + ID + "/memory.oom_control"),
                "oom_kill_disable 0\nunder_oom 0\noom_kill 3\n");
        Files.writeString(root.resolve("pids/spawnai/" + ID + "/pids.events"), "max 17\n");

        assertThat(cgroups.counters(ID)).isEqualTo(new LimitCounters(3, 17));
        assertThat(cgroups.counters("sbx-zzzzzzzzzz")).isEqualTo(LimitCounters.NONE);
    }

    @Test
    void v2ReadsOomKillsFromMemoryEvents() throws IOException {
        Files.writeString(root.resolve("cgroup.controllers"), "cpu memory pids\n");
        Cgroups cgroups = Cgroups.detect(root);
        cgroups.prepare();
        cgroups.create(ID, SandboxLimits.defaults());

        Files.writeString(root.resolve("spawnai/" + ID + "/memory.events"),
                "low 0\nhigh 0\nmax 12\noom 2\noom_kill 2\noom_group_kill 0\n");
        Files.writeString(root.resolve("spawnai/" + ID + "/pids.events"), "max 5\n");

        assertThat(cgroups.counters(ID)).isEqualTo(new LimitCounters(2, 5));
    }

    @Test
    void countsSinceAnEarlierReadingAreNeverNegative() {
        LimitCounters later = new LimitCounters(3, 10);

        assertThat(later.since(new LimitCounters(1, 4))).isEqualTo(new LimitCounters(2, 6));
        assertThat(LimitCounters.NONE.since(later)).isEqualTo(LimitCounters.NONE);
    }
}
