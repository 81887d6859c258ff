package ai.spawn.sandbox.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateFilesTest {

    @TempDir
    Path dir;

    /** A node_modules as a build sandbox might leave it, with links npm makes and links it never would. */
    private Path tree() throws Exception {
        Path modules = Files.createDirectories(dir.resolve("from/node_modules"));
        Files.createDirectories(modules.resolve("mime"));
        Files.writeString(modules.resolve("mime/cli.js"), "#!/usr/bin/env node\n");
        Files.setPosixFilePermissions(modules.resolve("mime/cli.js"), PosixFilePermissions.fromString("rwx------"));
        Files.writeString(modules.resolve("mime/package.json"), "{}");
        Files.createDirectories(modules.resolve(".bin"));
        Files.createSymbolicLink(modules.resolve(".bin/mime"), Path.of("../mime/cli.js"));
        Files.createSymbolicLink(modules.resolve(".bin/absolute"), modules.resolve("mime/cli.js").toAbsolutePath());
        Files.createSymbolicLink(modules.resolve(".bin/up"), Path.of("../../../outside"));
        Files.createSymbolicLink(modules.resolve(".bin/self"), Path.of(".."));
        return modules;
    }

    @Test
    void anInstalledTreeKeepsItsInnerLinksAndExecutableFiles() throws Exception {
        Path from = tree();
        Path to = dir.resolve("to/node_modules");

        TemplateFiles.copyTree(from, to);
        TemplateFiles.makeReadable(dir.resolve("to"));

        assertThat(Files.readSymbolicLink(to.resolve(".bin/mime"))).isEqualTo(Path.of("../mime/cli.js"));
        assertThat(Files.exists(to.resolve(".bin/absolute"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(to.resolve(".bin/up"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(to.resolve(".bin/self"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(to.resolve("mime/cli.js"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(to.resolve("mime/package.json"))))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(to.resolve(".bin"))))
                .isEqualTo("rwxr-xr-x");
    }

    @Test
    void aCacheKeepsRegularFilesOnly() throws Exception {
        Path from = tree();
        Path to = dir.resolve("cache");

        TemplateFiles.copyRegularFiles(from, to);

        assertThat(to.resolve("mime/cli.js")).isRegularFile();
        assertThat(Files.exists(to.resolve(".bin/mime"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(to.resolve(".bin")).isDirectory();
    }

    @Test
    void replaceSwapsTheDirectoryAndRemovesTheOldOne() throws Exception {
        Path target = Files.createDirectories(dir.resolve("node-v1"));
        Files.writeString(target.resolve("old"), "old");
        Path tmp = Files.createDirectories(dir.resolve(".node-v1.tmp-1"));
        Files.writeString(tmp.resolve("new"), "new");

        TemplateFiles.replace(tmp, target);

        assertThat(target.resolve("new")).hasContent("new");
        assertThat(target.resolve("old")).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(target);
        }
    }
}
