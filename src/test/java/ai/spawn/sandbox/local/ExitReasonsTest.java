package ai.spawn.sandbox.local;

import ai.spawn.sandbox.ProcessExit;
import ai.spawn.sandbox.SandboxLimits;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExitReasonsTest {

    private static final SandboxLimits LIMITS = SandboxLimits.defaults();
    private static final List<String> LINES = List.of("starting", "boom");

    private static ProcessExit classify(int code, LimitCounters during, boolean full, long workspaceBytes,
                                        List<String> lines) {
        return ExitReasons.classify(new ExitReasons.Observation(code, during, full, workspaceBytes, LIMITS, lines));
    }

    @Test
    void anOomKillWinsOverEverythingElse() {
        ProcessExit exit = classify(137, new LimitCounters(1, 3), true, 0, LINES);

        assertThat(exit.reason()).isEqualTo("oom-killed");
        assertThat(exit.exitCode()).isEqualTo(137);
        assertThat(exit.detail()).isEqualTo("The app used more than its 256 MiB of memory and was stopped.");
        assertThat(exit.lastLines()).isEqualTo(LINES);
    }

    @Test
    void anOomKillSaysWhenWorkspaceFilesTookMuchOfTheMemory() {
        ProcessExit exit = classify(137, new LimitCounters(1, 0), false, 200L << 20, LINES);

        assertThat(exit.detail()).endsWith("Files in its workspace count towards that memory; they take 200 MiB.");
    }

    @Test
    void aRefusedForkMeansThePidsLimit() {
        ProcessExit exit = classify(1, new LimitCounters(0, 12), false, 0, LINES);

        assertThat(exit.reason()).isEqualTo("pids-limit");
        assertThat(exit.detail()).contains("more than 128 processes and threads", "exit code 1");
    }

    @Test
    void aFullWorkspaceOrEnospcInTheLogMeansDiskFull() {
        assertThat(classify(1, LimitCounters.NONE, true, 0, LINES).reason()).isEqualTo("disk-full");
        ProcessExit fromLog = classify(1, LimitCounters.NONE, false, 0,
                List.of("dd: error writing 'fill': No space left on device"));
        assertThat(fromLog.reason()).isEqualTo("disk-full");
        assertThat(fromLog.detail()).contains("workspace is full (512 MiB)");
        assertThat(classify(1, LimitCounters.NONE, false, 0, List.of("Error: ENOSPC: write")).reason())
                .isEqualTo("disk-full");
    }

    @Test
    void aSignalMeansKilled() {
        ProcessExit segv = classify(139, LimitCounters.NONE, false, 0, LINES);
        ProcessExit sigsys = classify(159, LimitCounters.NONE, false, 0, LINES);

        assertThat(segv.reason()).isEqualTo("killed");
        assertThat(segv.detail()).isEqualTo("The app was killed by SIGSEGV.");
        assertThat(sigsys.detail()).isEqualTo("The app was killed by SIGSYS. It made a system call the sandbox does"
                + " not allow.");
        assertThat(classify(128 + 40, LimitCounters.NONE, false, 0, LINES).detail()).contains("signal 40");
    }

    @Test
    void otherwiseItExited() {
        assertThat(classify(3, LimitCounters.NONE, false, 0, LINES))
                .isEqualTo(new ProcessExit(3, "exited", "The app exited with code 3.", LINES));
        assertThat(classify(0, LimitCounters.NONE, false, 0, LINES).detail())
                .isEqualTo("The app exited with code 0; a web app should keep running.");
    }
}
