package ai.spawn.sandbox.local;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilesArchiveTest {

    @Test
    void packsEveryFileWithANormalizedPath() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("index.html", "<h1>hi</h1>");
        files.put("./src/./app.js", "console.log('ü')");
        files.put("deep/" + "d".repeat(150) + "/file.txt", "long path");

        Map<String, String> unpacked = new TreeMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new ByteArrayInputStream(FilesArchive.tar(files)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                unpacked.put(e.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }

        assertThat(unpacked).containsExactlyInAnyOrderEntriesOf(Map.of(
                "index.html", "<h1>hi</h1>",
                "src/app.js", "console.log('ü')",
                "deep/" + "d".repeat(150) + "/file.txt", "long path"));
    }

    @Test
    void rejectsPathsThatLeaveTheWorkspace() {
        for (String path : new String[] {"../x", "a/../../x", "/etc/passwd", "", " ", ".", "a\0b"}) {
            assertThatThrownBy(() -> FilesArchive.checkedPath(path)).as(path)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(FilesArchive.checkedPath("a/../b.txt")).isEqualTo("b.txt");
    }
}
