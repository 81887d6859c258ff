package ai.spawn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class BundleDirectoryTest {

    @TempDir
    Path dir;

    final JsonMapper json = Json.mapper();

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void readsTextFilesAndSkipsDependenciesHiddenAndLargeFiles() throws IOException {
        write("server.js", "require('http')");
        write("public/index.html", "<h1>hi</h1>");
        write("node_modules/x/index.js", "x");
        write(".git/config", "[core]");
        write(".cache/a.txt", "a");
        write(".env", "SECRET=1");
        write("big.txt", "x".repeat((int) BundleDirectory.MAX_FILE_BYTES + 1));

        BundleDirectory read = BundleDirectory.read(dir);

        assertThat(read.files()).containsOnlyKeys("server.js", "public/index.html");
        assertThat(read.files().get("public/index.html")).isEqualTo("<h1>hi</h1>");
        assertThat(read.skipped()).containsExactlyInAnyOrder("big.txt: larger than 1 MiB (1024 KiB)",
                "hidden files: .env");
    }

    @Test
    void refusesBinaryFilesByName() throws IOException {
        write("index.html", "<img src=logo.png>");
        Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xe9});

        assertThatThrownBy(() -> BundleDirectory.read(dir)).isInstanceOf(CliException.class)
                .hasMessage("cannot deploy binary files, the API takes text files only: latin1.txt, logo.png;"
                        + " move them out of " + dir)
                .extracting(e -> ((CliException) e).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void refusesEmptyAndMissingDirectories() {
        assertThatThrownBy(() -> BundleDirectory.read(dir)).hasMessageContaining("no files to deploy");
        assertThatThrownBy(() -> BundleDirectory.read(dir.resolve("nope"))).hasMessageContaining("is not a directory");
    }

    @Test
    void nodeAppsStartWithTheirStartScriptOrMain() throws IOException {
        write("package.json", "{\"scripts\":{\"start\":\"node app.js\"},\"dependencies\":{\"express\":\"^4\"}}");
        write("app.js", "");
        BundleDirectory withScript = BundleDirectory.read(dir);
        assertThat(withScript.detectRuntime()).isEqualTo("node");
        assertThat(withScript.guessStart("node", json)).isEqualTo("npm start");
        assertThat(withScript.guessInstall("node", json)).isEqualTo("npm install --omit=dev --no-audit --no-fund");

        write("package.json", "{\"main\":\"app.js\"}");
        BundleDirectory withMain = BundleDirectory.read(dir);
        assertThat(withMain.guessStart("node", json)).isEqualTo("node app.js");
        assertThat(withMain.guessInstall("node", json)).isNull();
    }

    @Test
    void pythonAppsAreRecognisedByRequirementsOrSources() throws IOException {
        write("main.py", "print('hi')");
        write("requirements.txt", "# nothing yet\n");
        BundleDirectory read = BundleDirectory.read(dir);

        assertThat(read.detectRuntime()).isEqualTo("python");
        assertThat(read.guessStart("python", json)).isEqualTo("python3 main.py");
        assertThat(read.guessInstall("python", json)).isNull();
    }

    @Test
    void aLoneIndexHtmlIsStatic() throws IOException {
        write("index.html", "<h1>hi</h1>");
        write("style.css", "h1{}");

        BundleDirectory read = BundleDirectory.read(dir);

        assertThat(read.detectRuntime()).isEqualTo("static");
        assertThat(read.guessStart("static", json)).isNull();
    }

    @Test
    void unknownLayoutHasNoRuntime() throws IOException {
        write("README.md", "# hi");

        assertThat(BundleDirectory.read(dir).detectRuntime()).isNull();
    }
}
