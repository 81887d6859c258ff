package ai.spawn.sandbox.local;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class InstallCpuTest {

    /** Records quota writes; everything else is unused here. */
    private static final class QuotaRecorder extends InertCgroups {
        final List<String> writes = new CopyOnWriteArrayList<>();
        boolean fail;

        @Override
        public void cpuQuota(String sandboxId, int cpuMillis) {
            if (fail) {
                throw new UncheckedIOException(new java.io.IOException("gone"));
            }
            writes.add(sandboxId + "=" + cpuMillis);
        }
    }

    private final QuotaRecorder cgroups = new QuotaRecorder();

    @Test
    void raisesTheQuotaForTheFirstInstallAndRestoresItAfterTheLast() {
        InstallCpu cpu = new InstallCpu(cgroups, 2000);

        Runnable first = cpu.raise("sbx-a", 500);
        Runnable second = cpu.raise("sbx-a", 500);
        first.run();
        first.run();
        assertThat(cgroups.writes).containsExactly("sbx-a=2000");
        second.run();

        assertThat(cgroups.writes).containsExactly("sbx-a=2000", "sbx-a=500");
    }

    @Test
    void keepsALargerOrUnlimitedOwnQuotaAndCanBeTurnedOff() {
        new InstallCpu(cgroups, 2000).raise("sbx-a", 4000).run();
        new InstallCpu(cgroups, 2000).raise("sbx-a", 0).run();
        new InstallCpu(cgroups, 0).raise("sbx-a", 500).run();

        assertThat(cgroups.writes).isEmpty();
    }

    @Test
    void aQuotaThatCannotBeWrittenIsSkipped() {
        cgroups.fail = true;

        Runnable release = new InstallCpu(cgroups, 2000).raise("sbx-a", 500);
        release.run();

        assertThat(cgroups.writes).isEmpty();
    }
}
