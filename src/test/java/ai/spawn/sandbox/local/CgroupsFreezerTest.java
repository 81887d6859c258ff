package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.local.Cgroups.FreezerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The freezer of both cgroup strategies, against fake cgroup trees (the kernel's side is played by hand). */
class CgroupsFreezerTest {

    private static final String ID = "sbx-abcdefghij";

    @TempDir
    Path root;

    private Cgroups v1(boolean withFreezer) throws IOException {
        for (String controller : new String[] {"memory", "pids", "cpu", "cpuacct"}) {
            Files.createDirectories(root.resolve(controller));
        }
        if (withFreezer) {
            Files.createDirectories(root.resolve("freezer"));
        }
        Files.writeString(root.resolve("memory/memory.limit_in_bytes"), "0\n");
        Cgroups cgroups = Cgroups.detect(root);
        cgroups.prepare();
        cgroups.create(ID, SandboxLimits.defaults());
        return cgroups;
    }

    @Test
    void v1PutsSandboxesIntoAFreezerCgroupToo() throws IOException {
        Cgroups cgroups = v1(true);

        assertThat(cgroups.canFreeze()).isTrue();
        assertThat(cgroups.procsFiles(ID)).contains(root.resolve("freezer/spawnai/" + ID + "/cgroup.procs"));
        assertThat(cgroups.describe()).contains("freezer");
    }

    @Test
    void v1FreezesThroughFreezerState() throws IOException {
        Cgroups cgroups = v1(true);
        Path state = root.resolve("freezer/spawnai/" + ID + "/freezer.state");

        cgroups.freeze(ID, true);
        assertThat(Files.readString(state)).isEqualTo("FROZEN");
        assertThat(cgroups.freezerState(ID)).isEqualTo(FreezerState.FROZEN);

        Files.writeString(state, "FREEZING\n");
        assertThat(cgroups.freezerState(ID)).isEqualTo(FreezerState.FREEZING);

        cgroups.freeze(ID, false);
        assertThat(cgroups.freezerState(ID)).isEqualTo(FreezerState.THAWED);
        assertThat(cgroups.freezerState("sbx-zzzzzzzzzz")).isEqualTo(FreezerState.THAWED);
    }

    @Test
    void v1WithoutAFreezerHierarchyCannotFreeze() throws IOException {
        Cgroups cgroups = v1(false);

        assertThat(cgroups.canFreeze()).isFalse();
        assertThat(cgroups.procsFiles(ID)).hasSize(4);
        assertThat(cgroups.freezerState(ID)).isEqualTo(FreezerState.THAWED);
        assertThatThrownBy(() -> new Freezer(cgroups).freeze(ID)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void v2FreezesThroughCgroupFreezeAndReadsCgroupEvents() throws IOException {
        Files.writeString(root.resolve("cgroup.controllers"), "cpu memory pids\n");
        Files.writeString(root.resolve("cgroup.subtree_control"), "memory pids cpu\n");
        Cgroups cgroups = Cgroups.detect(root);
        cgroups.prepare();
        cgroups.create(ID, SandboxLimits.defaults());
        Path dir = root.resolve("spawnai/" + ID);

        assertThat(cgroups.canFreeze()).isTrue();
        cgroups.freeze(ID, true);
        assertThat(Files.readString(dir.resolve("cgroup.freeze"))).isEqualTo("1");
        Files.writeString(dir.resolve("cgroup.events"), "populated 1\nfrozen 0\n");
        assertThat(cgroups.freezerState(ID)).isEqualTo(FreezerState.FREEZING);
        Files.writeString(dir.resolve("cgroup.events"), "populated 1\nfrozen 1\n");
        assertThat(cgroups.freezerState(ID)).isEqualTo(FreezerState.FROZEN);

        cgroups.freeze(ID, false);
        assertThat(Files.readString(dir.resolve("cgroup.freeze"))).isEqualTo("0");
        assertThat(cgroups.freezerState(ID)).isEqualTo(FreezerState.THAWED);
    }

    @Test
    void freezerWaitsForTheKernelAndThawsOnlyWhatIsFrozen() throws IOException {
        Cgroups cgroups = v1(true);
        Freezer freezer = new Freezer(cgroups);

        freezer.freeze(ID);
        assertThat(freezer.isFrozen(ID)).isTrue();

        freezer.thaw(ID);
        assertThat(freezer.isFrozen(ID)).isFalse();
        freezer.thaw(ID);
        assertThat(freezer.isFrozen(ID)).isFalse();
    }
}
