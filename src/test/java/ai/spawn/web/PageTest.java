package ai.spawn.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import ai.spawn.SpawnAiApplication;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A running SpawnAI (real sandboxes, gateway and generator, on random ports, with its data in a temporary
 * directory) and Debian's Chromium, for tests of the web page. Subclasses share one application context. The
 * generator is wrapped in {@link FlakyOnceCodeGenerator} so that a failure can be driven from the page.
 */
@SpringBootTest(classes = {SpawnAiApplication.class, FlakyModel.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // open event streams must not hold the shutdown for the graceful period
        properties = {"spawnai.gateway.port=0", "server.shutdown=immediate"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PageTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("spawnai.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    DebianChromium chromium;

    @BeforeAll
    void launchChromium() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        chromium = DebianChromium.launch();
    }

    @AfterAll
    void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    String base() {
        return "http://localhost:" + port + "/";
    }

    static Locator example(Page p, String title) {
        return p.locator("#gallery .example").filter(new Locator.FilterOptions().setHasText(title)).first();
    }

    static void screenshot(Page p, String name) {
        p.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    private static Path tempDir() {
        try {
            // sandboxes run as another uid, which must be able to enter the data directory
            return Files.createTempDirectory("spawnai-webpage-it",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
