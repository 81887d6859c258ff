package ai.spawn.generation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import ai.spawn.generation.SampleApps;
import org.junit.jupiter.api.Test;

class PartialAppScannerTest {

    private static List<String> feedInPieces(PartialAppScanner scanner, String json, int piece) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < json.length(); i += piece) {
            paths.addAll(scanner.append(json.substring(i, Math.min(json.length(), i + piece))));
        }
        return paths;
    }

    @Test
    void reportsEachFileWhenItsObjectCloses() {
        String json = SampleApps.todoInput();
        for (int piece : new int[] {1, 2, 7, 64, json.length()}) {
            PartialAppScanner scanner = new PartialAppScanner();
            assertThat(feedInPieces(scanner, json, piece)).as("pieces of %d", piece)
                    .containsExactly("server.js", "public/index.html", "public/app.js");
            assertThat(scanner.json()).isEqualTo(json);
        }
    }

    @Test
    void reportsAFileExactlyWhenItsClosingBraceArrives() {
        PartialAppScanner scanner = new PartialAppScanner();
        assertThat(scanner.append("{\"files\": [ {\"content\": \"a } b \\\" {\", \"path\": \"x.js\"")).isEmpty();
        assertThat(scanner.append(" }")).containsExactly("x.js");
        assertThat(scanner.append(", {\"path\": \"y\\/z.js\", \"content\": \"\"}")).containsExactly("y/z.js");
        assertThat(scanner.append("]}")).isEmpty();
    }

    @Test
    void ignoresObjectsOutsideTheFilesArrayAndLookalikesInsideStrings() {
        PartialAppScanner scanner = new PartialAppScanner();
        String json = "{\"title\": \"{\\\"files\\\": [{\\\"path\\\": \\\"fake\\\"}]}\", \"meta\": {\"files\": "
                + "[{\"path\": \"nested\"}]}, \"other\": [{\"path\": \"no\"}], \"files\": [{\"path\": \"real\", "
                + "\"content\": \"{\\\"path\\\": \\\"inner\\\"}\", \"extra\": {\"path\": \"deeper\"}}]}";
        assertThat(feedInPieces(scanner, json, 3)).containsExactly("real");
    }

    @Test
    void malformedInputReportsNothingAndNeverThrows() {
        PartialAppScanner scanner = new PartialAppScanner();
        assertThat(scanner.append("}}]]{\"files\":[{\"path\":1}, {\"path\": \"ok\"")).isEmpty();
        assertThat(scanner.append("}")).containsExactly("ok");
    }
}
