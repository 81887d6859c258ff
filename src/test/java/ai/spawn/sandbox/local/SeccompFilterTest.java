package ai.spawn.sandbox.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static ai.spawn.sandbox.local.SeccompFilter.AUDIT_ARCH_X86_64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the generated program in a BPF interpreter, one system call (and argument) at a time. */
class SeccompFilterTest {

    private static final int ALLOW = 0x7FFF0000;
    private static final int KILL_PROCESS = 0x80000000;
    private static final int EPERM = 0x00050000 | 1;
    private static final int ENOSYS = 0x00050000 | 38;
    private static final int EAFNOSUPPORT = 0x00050000 | 97;
    private static final int AUDIT_ARCH_I386 = 0x40000003;

    /** Numbers from the kernel's x86_64 table (asm/unistd_64.h), written out independently of the filter. */
    private static final Map<String, Integer> REFUSED = Map.ofEntries(
            Map.entry("ptrace", 101), Map.entry("mount", 165), Map.entry("umount2", 166),
            Map.entry("pivot_root", 155), Map.entry("setns", 308), Map.entry("keyctl", 250),
            Map.entry("add_key", 248), Map.entry("request_key", 249), Map.entry("bpf", 321),
            Map.entry("perf_event_open", 298), Map.entry("userfaultfd", 323), Map.entry("io_uring_setup", 425),
            Map.entry("io_uring_enter", 426), Map.entry("io_uring_register", 427), Map.entry("kexec_load", 246),
            Map.entry("kexec_file_load", 320), Map.entry("init_module", 175), Map.entry("finit_module", 313),
            Map.entry("delete_module", 176), Map.entry("reboot", 169), Map.entry("swapon", 167),
            Map.entry("swapoff", 168), Map.entry("process_vm_readv", 310), Map.entry("process_vm_writev", 311),
            Map.entry("open_tree", 428), Map.entry("move_mount", 429), Map.entry("fsopen", 430),
            Map.entry("fsconfig", 431), Map.entry("fsmount", 432), Map.entry("fspick", 433),
            Map.entry("mount_setattr", 442), Map.entry("syslog", 103), Map.entry("acct", 163),
            Map.entry("open_by_handle_at", 304));
    private static final int SOCKET = 41;
    private static final int SOCKETPAIR = 53;
    private static final int CLONE = 56;
    private static final int UNSHARE = 272;
    private static final int CLONE3 = 435;
    private static final int PERSONALITY = 135;

    private static final SeccompFilter FILTER = SeccompFilter.standard();
    private final ClassicBpf bpf = new ClassicBpf(FILTER.bytes());

    private int call(int nr, long... args) {
        return bpf.run(AUDIT_ARCH_X86_64, nr, args);
    }

    @Test
    void refusesEachDangerousCallWithEperm() {
        REFUSED.forEach((name, nr) -> assertThat(call(nr, 0, 0, 0)).as(name).isEqualTo(EPERM));
    }

    @Test
    void namesEveryRuleAfterTheKernelTable() {
        Map<String, Integer> ruled = FILTER.rules().stream()
                .collect(Collectors.toMap(SeccompFilter.Rule::name, SeccompFilter.Rule::nr));
        REFUSED.forEach((name, nr) -> assertThat(ruled).containsEntry(name, nr));
        assertThat(ruled).containsEntry("socket", SOCKET).containsEntry("socketpair", SOCKETPAIR)
                .containsEntry("clone", CLONE).containsEntry("clone3", CLONE3).containsEntry("unshare", UNSHARE)
                .containsEntry("personality", PERSONALITY);
    }

    @Test
    void allowsEveryOtherSystemCall() {
        Set<Integer> ruled = FILTER.rules().stream().map(SeccompFilter.Rule::nr).collect(Collectors.toSet());
        for (int nr = 0; nr < 512; nr++) {
            if (!ruled.contains(nr)) {
                assertThat(call(nr, 0x10000000, 0x10000000)).as("syscall %d", nr).isEqualTo(ALLOW);
            }
        }
    }

    @Test
    void killsCallsOfAnotherArchitecture() {
        assertThat(bpf.run(AUDIT_ARCH_I386, 20)).isEqualTo(KILL_PROCESS); // i386 getpid via int 0x80
        assertThat(bpf.run(0xC00000B7, 172)).isEqualTo(KILL_PROCESS); // aarch64
    }

    @Test
    void refusesTheX32Abi() {
        assertThat(call(0x40000000 | 101)).isEqualTo(ENOSYS);
        assertThat(call(0x40000000 | 39)).isEqualTo(ENOSYS);
        assertThat(call(0xFFFFFFFF)).isEqualTo(ENOSYS);
    }

    @Test
    void cloneMayNotCreateNamespaces() {
        assertThat(call(CLONE, 0x10000000 | 17)).as("CLONE_NEWUSER").isEqualTo(EPERM);
        assertThat(call(CLONE, 0x40000000 | 17)).as("CLONE_NEWNET").isEqualTo(EPERM);
        assertThat(call(CLONE, 0x00020000 | 17)).as("CLONE_NEWNS").isEqualTo(EPERM);
        assertThat(call(CLONE, 0x003D0F00)).as("pthread_create").isEqualTo(ALLOW);
        assertThat(call(CLONE, 0x01200011)).as("fork").isEqualTo(ALLOW);
        assertThat(call(CLONE, 0x00004111)).as("vfork").isEqualTo(ALLOW);
        // the kernel reads the low 32 bits of clone's flags only
        assertThat(call(CLONE, 0x10000000_00000011L)).isEqualTo(ALLOW);
    }

    @Test
    void clone3AnswersEnosysSoThatLibcFallsBackToClone() {
        assertThat(call(CLONE3, 0x7FFF0000L, 88)).isEqualTo(ENOSYS);
    }

    @Test
    void unshareMayNotCreateNamespacesButMayUnshareFiles() {
        assertThat(call(UNSHARE, 0x10000000)).as("CLONE_NEWUSER").isEqualTo(EPERM);
        assertThat(call(UNSHARE, 0x00000080)).as("CLONE_NEWTIME").isEqualTo(EPERM);
        assertThat(call(UNSHARE, 0x02000000)).as("CLONE_NEWCGROUP").isEqualTo(EPERM);
        assertThat(call(UNSHARE, 0x00000400)).as("CLONE_FILES").isEqualTo(ALLOW);
        assertThat(call(UNSHARE, 0x00000200)).as("CLONE_FS").isEqualTo(ALLOW);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10})
    void socketsOfUnixInetAndInet6AreAllowed(int family) {
        assertThat(call(SOCKET, family, 1, 0)).isEqualTo(ALLOW);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 4, 5, 9, 16, 17, 29, 31, 38, 40, 44, 45, 255, -1})
    void socketsOfOtherFamiliesAreRefused(int family) {
        assertThat(call(SOCKET, family, 3, 0)).isEqualTo(EAFNOSUPPORT);
    }

    @Test
    void socketFamilyIsReadAsTheKernelReadsIt() {
        // int family: the high half of the register is ignored by the kernel and by the filter alike
        assertThat(call(SOCKET, 0x1_00000002L, 1)).isEqualTo(ALLOW);
        assertThat(call(SOCKET, 0x2_00000010L, 3)).isEqualTo(EAFNOSUPPORT);
    }

    @Test
    void socketpairIsForUnixSocketsOnly() {
        assertThat(call(SOCKETPAIR, 1, 1, 0)).isEqualTo(ALLOW);
        assertThat(call(SOCKETPAIR, 2, 1, 0)).isEqualTo(EAFNOSUPPORT);
        assertThat(call(SOCKETPAIR, 16, 3, 0)).isEqualTo(EAFNOSUPPORT);
    }

    @Test
    void personalityMayNotDisableAslrOrMakeDataExecutable() {
        assertThat(call(PERSONALITY, 0xFFFFFFFFL)).as("query").isEqualTo(ALLOW);
        assertThat(call(PERSONALITY, 0)).isEqualTo(ALLOW);
        assertThat(call(PERSONALITY, 0x8)).as("PER_LINUX32").isEqualTo(ALLOW);
        assertThat(call(PERSONALITY, 0x0040000)).as("ADDR_NO_RANDOMIZE").isEqualTo(EPERM);
        assertThat(call(PERSONALITY, 0x0400000)).as("READ_IMPLIES_EXEC").isEqualTo(EPERM);
        assertThat(call(PERSONALITY, 0x0040008)).isEqualTo(EPERM);
    }

    @Test
    void isOneStructSockFilterPerInstructionAndEndsByAllowing() {
        byte[] bytes = FILTER.bytes();

        assertThat(bytes).hasSize(FILTER.instructions().size() * 8);
        assertThat(FILTER.instructions()).hasSizeLessThan(4096);
        assertThat(FILTER.instructions().get(0)).isEqualTo(new SeccompFilter.Instruction(0x20, 0, 0, 4));
        assertThat(FILTER.instructions().get(FILTER.instructions().size() - 1))
                .isEqualTo(new SeccompFilter.Instruction(0x06, 0, 0, ALLOW));
        // little-endian: code 0x0020, jt 0, jf 0, k 4
        assertThat(java.util.Arrays.copyOf(bytes, 8)).containsExactly(0x20, 0, 0, 0, 4, 0, 0, 0);
    }

    @Test
    void jumpsMustFitInAByte() {
        assertThatThrownBy(() -> new SeccompFilter.Instruction(0x15, 256, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
