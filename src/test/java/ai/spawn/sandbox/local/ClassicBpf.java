package ai.spawn.sandbox.local;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A small interpreter of classic BPF seccomp programs, for tests: it runs the bytes {@code bwrap --seccomp} would
 * load against one {@code struct seccomp_data} and returns the action. It knows the instructions a seccomp filter
 * may use for loads of the data, constant jumps and returns; anything else fails the test, as the kernel's verifier
 * would refuse it. Not thread-safe (one instance per program is cheap).
 */
final class ClassicBpf {

    private final ByteBuffer program;
    private final int length;

    ClassicBpf(byte[] program) {
        if (program.length == 0 || program.length % 8 != 0) {
            throw new AssertionError("a program is a non-empty array of 8-byte instructions: " + program.length);
        }
        this.program = ByteBuffer.wrap(program).order(ByteOrder.LITTLE_ENDIAN);
        this.length = program.length / 8;
    }

    /** The action for a system call: {@code nr} of {@code arch} with {@code args} (up to six). */
    int run(int arch, int nr, long... args) {
        ByteBuffer data = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        data.putInt(0, nr).putInt(4, arch).putLong(8, 0x401000L);
        for (int i = 0; i < args.length; i++) {
            data.putLong(16 + 8 * i, args[i]);
        }
        int a = 0;
        int pc = 0;
        for (int steps = 0; steps <= length; steps++) {
            if (pc >= length) {
                throw new AssertionError("ran off the end of the program at " + pc);
            }
            int code = program.getShort(pc * 8) & 0xFFFF;
            int jt = program.get(pc * 8 + 2) & 0xFF;
            int jf = program.get(pc * 8 + 3) & 0xFF;
            int k = program.getInt(pc * 8 + 4);
            switch (code) {
                case 0x20 -> { // BPF_LD | BPF_W | BPF_ABS
                    if (k < 0 || k > 60 || k % 4 != 0) {
                        throw new AssertionError("load outside seccomp_data: " + k + " at " + pc);
                    }
                    a = data.getInt(k);
                    pc++;
                }
                case 0x15 -> pc += 1 + (a == k ? jt : jf); // BPF_JMP | BPF_JEQ | BPF_K
                case 0x35 -> pc += 1 + (Integer.compareUnsigned(a, k) >= 0 ? jt : jf); // BPF_JGE
                case 0x25 -> pc += 1 + (Integer.compareUnsigned(a, k) > 0 ? jt : jf); // BPF_JGT
                case 0x45 -> pc += 1 + ((a & k) != 0 ? jt : jf); // BPF_JSET
                case 0x06 -> { // BPF_RET | BPF_K
                    return k;
                }
                default -> throw new AssertionError("unexpected instruction " + Integer.toHexString(code) + " at " + pc);
            }
        }
        throw new AssertionError("the program loops");
    }
}
