package ai.spawn.sandbox.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * The host's available memory: {@code MemAvailable} of {@code /proc/meminfo} (what the kernel estimates can be
 * allocated without swapping, page cache that can be dropped included). Reading it costs a few microseconds.
 * Stateless; thread-safe.
 */
final class HostMemory implements LongSupplier {

    private final Path meminfo;

    HostMemory() {
        this(Path.of("/proc/meminfo"));
    }

    HostMemory(Path meminfo) {
        this.meminfo = meminfo;
    }

    /** Available bytes; {@link Long#MAX_VALUE} when the kernel does not say (so that nothing is refused). */
    @Override
    public long getAsLong() {
        try {
            for (String line : Files.readAllLines(meminfo, StandardCharsets.US_ASCII)) {
                if (line.startsWith("MemAvailable:")) {
                    String[] fields = line.trim().split("\\s+");
                    long value = Long.parseLong(fields[1]);
                    return fields.length > 2 && fields[2].equalsIgnoreCase("kB") ? value * 1024 : value;
                }
            }
            return Long.MAX_VALUE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + meminfo, e);
        }
    }
}
