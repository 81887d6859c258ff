package ai.spawn.sandbox.local;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The seccomp filter every sandboxed process runs under: a classic BPF program for x86_64 in the binary form
 * {@code bwrap --seccomp FD} loads (an array of {@code struct sock_filter}, little-endian). It kills a process that
 * makes a system call through another architecture's ABI, refuses x32 calls with {@code ENOSYS}, and refuses with
 * an error (never a kill, so programs can fall back) the calls a web app never needs but kernel exploits and
 * escapes do: debugging other processes, mounting, namespaces, kernel keyrings, eBPF, perf events, userfaultfd,
 * io_uring, kexec, kernel modules, reboot, swap, the kernel log, and sockets of families other than unix, inet and
 * inet6. {@code clone3} answers {@code ENOSYS} so that libc falls back to {@code clone}, whose flags a classic BPF
 * program can inspect (it cannot read {@code clone3}'s flags, which live in memory).
 *
 * <p>Hand-written because no maintained Java library builds seccomp programs and the filter is small: a linear
 * list of rules, each a syscall-number comparison followed by a short body that always returns, so every jump
 * goes forward by a few instructions. Immutable, thread-safe.
 */
final class SeccompFilter {

    static final int AUDIT_ARCH_X86_64 = 0xC000003E;
    static final int X32_SYSCALL_BIT = 0x40000000;
    static final int RET_KILL_PROCESS = 0x80000000;
    static final int RET_ERRNO = 0x00050000;
    static final int RET_ALLOW = 0x7FFF0000;

    static final int EPERM = 1;
    static final int ENOSYS = 38;
    static final int EAFNOSUPPORT = 97;

    static final int BPF_LD_W_ABS = 0x20;
    static final int BPF_JEQ_K = 0x15;
    static final int BPF_JGE_K = 0x35;
    static final int BPF_JSET_K = 0x45;
    static final int BPF_RET_K = 0x06;

    /** Offsets in {@code struct seccomp_data}: the syscall number, the audit arch, the low half of each arg. */
    static final int OFFSET_NR = 0;
    static final int OFFSET_ARCH = 4;
    static final int OFFSET_ARGS = 16;

    /** Every {@code CLONE_NEW*} flag {@code clone} accepts (its low byte is the exit signal, not flags). */
    static final int CLONE_NAMESPACES = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000
            | 0x20000000 | 0x40000000;
    /** {@code unshare} also takes {@code CLONE_NEWTIME}. */
    static final int UNSHARE_NAMESPACES = CLONE_NAMESPACES | 0x00000080;

    static final int AF_UNIX = 1;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;

    /** {@code personality} values that change nothing dangerous: Linux, 32-bit, uname26, both, and the query. */
    static final Set<Integer> HARMLESS_PERSONALITIES = Set.of(0x0, 0x8, 0x20000, 0x20008, 0xFFFFFFFF);

    /** One {@code struct sock_filter}. */
    record Instruction(int code, int jt, int jf, int k) {

        Instruction {
            if (jt < 0 || jt > 255 || jf < 0 || jf > 255) {
                throw new IllegalArgumentException("jump out of range: " + jt + "/" + jf);
            }
        }
    }

    /**
     * What happens to one system call (x86_64 number {@code nr}): refused with {@code errno} outright, when its
     * first argument has any bit of {@code mask} set, or unless its first argument is one of {@code allowed}.
     */
    record Rule(String name, int nr, Kind kind, int errno, int mask, Set<Integer> allowed) {

        enum Kind { DENY, DENY_IF_ANY_FLAG, ALLOW_ONLY }

        static Rule deny(String name, int nr) {
            return new Rule(name, nr, Kind.DENY, EPERM, 0, Set.of());
        }

        static Rule deny(String name, int nr, int errno) {
            return new Rule(name, nr, Kind.DENY, errno, 0, Set.of());
        }

        static Rule denyIfAnyFlag(String name, int nr, int mask) {
            return new Rule(name, nr, Kind.DENY_IF_ANY_FLAG, EPERM, mask, Set.of());
        }

        static Rule allowOnly(String name, int nr, Set<Integer> allowed, int errno) {
            return new Rule(name, nr, Kind.ALLOW_ONLY, errno, 0, new TreeSet<>(allowed));
        }

        /** The instructions after the number comparison; the last one returns. */
        List<Instruction> body() {
            return switch (kind) {
                case DENY -> List.of(ret(RET_ERRNO | errno));
                case DENY_IF_ANY_FLAG -> List.of(load(OFFSET_ARGS), new Instruction(BPF_JSET_K, 0, 1, mask),
                        ret(RET_ERRNO | errno), ret(RET_ALLOW));
                case ALLOW_ONLY -> {
                    List<Instruction> body = new ArrayList<>();
                    body.add(load(OFFSET_ARGS));
                    int remaining = allowed.size();
                    for (int value : allowed) {
                        // equal: jump over the remaining comparisons and the refusal to the final allow
                        body.add(new Instruction(BPF_JEQ_K, remaining, 0, value));
                        remaining--;
                    }
                    body.add(ret(RET_ERRNO | errno));
                    body.add(ret(RET_ALLOW));
                    yield body;
                }
            };
        }
    }

    private static final List<Rule> STANDARD = List.of(
            Rule.deny("ptrace", 101),
            Rule.deny("process_vm_readv", 310),
            Rule.deny("process_vm_writev", 311),
            Rule.deny("mount", 165),
            Rule.deny("umount2", 166),
            Rule.deny("pivot_root", 155),
            Rule.deny("open_tree", 428),
            Rule.deny("move_mount", 429),
            Rule.deny("fsopen", 430),
            Rule.deny("fsconfig", 431),
            Rule.deny("fsmount", 432),
            Rule.deny("fspick", 433),
            Rule.deny("mount_setattr", 442),
            Rule.deny("setns", 308),
            Rule.denyIfAnyFlag("unshare", 272, UNSHARE_NAMESPACES),
            Rule.denyIfAnyFlag("clone", 56, CLONE_NAMESPACES),
            Rule.deny("clone3", 435, ENOSYS),
            Rule.deny("keyctl", 250),
            Rule.deny("add_key", 248),
            Rule.deny("request_key", 249),
            Rule.deny("bpf", 321),
            Rule.deny("perf_event_open", 298),
            Rule.deny("userfaultfd", 323),
            Rule.deny("io_uring_setup", 425),
            Rule.deny("io_uring_enter", 426),
            Rule.deny("io_uring_register", 427),
            Rule.deny("kexec_load", 246),
            Rule.deny("kexec_file_load", 320),
            Rule.deny("init_module", 175),
            Rule.deny("finit_module", 313),
            Rule.deny("delete_module", 176),
            Rule.deny("reboot", 169),
            Rule.deny("swapon", 167),
            Rule.deny("swapoff", 168),
            Rule.deny("syslog", 103),
            Rule.deny("acct", 163),
            Rule.deny("open_by_handle_at", 304),
            Rule.allowOnly("socket", 41, Set.of(AF_UNIX, AF_INET, AF_INET6), EAFNOSUPPORT),
            Rule.allowOnly("socketpair", 53, Set.of(AF_UNIX), EAFNOSUPPORT),
            Rule.allowOnly("personality", 135, HARMLESS_PERSONALITIES, EPERM));

    private final List<Rule> rules;
    private final List<Instruction> program;

    SeccompFilter(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.program = compile(this.rules);
    }

    /** The filter sandboxes run under. */
    static SeccompFilter standard() {
        return new SeccompFilter(STANDARD);
    }

    List<Rule> rules() {
        return rules;
    }

    List<Instruction> instructions() {
        return program;
    }

    /** The program as {@code bwrap --seccomp} reads it: 8 bytes per instruction, little-endian. */
    byte[] bytes() {
        ByteBuffer out = ByteBuffer.allocate(program.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (Instruction i : program) {
            out.putShort((short) i.code()).put((byte) i.jt()).put((byte) i.jf()).putInt(i.k());
        }
        return out.array();
    }

    private static List<Instruction> compile(List<Rule> rules) {
        List<Instruction> out = new ArrayList<>();
        out.add(load(OFFSET_ARCH));
        out.add(new Instruction(BPF_JEQ_K, 1, 0, AUDIT_ARCH_X86_64));
        out.add(ret(RET_KILL_PROCESS));
        out.add(load(OFFSET_NR));
        out.add(new Instruction(BPF_JGE_K, 0, 1, X32_SYSCALL_BIT));
        out.add(ret(RET_ERRNO | ENOSYS));
        for (Rule rule : rules) {
            List<Instruction> body = rule.body();
            out.add(new Instruction(BPF_JEQ_K, 0, body.size(), rule.nr()));
            out.addAll(body);
        }
        out.add(ret(RET_ALLOW));
        if (out.size() > 4096) {
            throw new IllegalStateException("a seccomp program holds at most 4096 instructions: " + out.size());
        }
        return List.copyOf(out);
    }

    private static Instruction load(int offset) {
        return new Instruction(BPF_LD_W_ABS, 0, 0, offset);
    }

    private static Instruction ret(int action) {
        return new Instruction(BPF_RET_K, 0, 0, action);
    }
}
