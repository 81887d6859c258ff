package ai.spawn.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import ai.spawn.generation.CodeGenerator;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web page in a real headless Chromium against a running SpawnAI (real sandboxes, gateway and the offline
 * generator): describe an app, watch the steps, see the live app in the preview frame, send a follow-up, restore
 * a version, download the zip, destroy, reload and find the history; a failure shows its reason and Retry works.
 * The tests run in order on one page, as one person would use it. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // open event streams must not hold the shutdown for the graceful period
        properties = {"spawnai.gateway.port=0", "server.shutdown=immediate"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path DATA_DIR = tempDir();

    @TestConfiguration(proxyBeanMethods = false)
    static class FlakyModel {
        /** Wraps whatever generator the server chose, so an error path can be driven from the page. */
        @Bean
        static BeanPostProcessor flakyOnceGenerator() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof CodeGenerator g && !(bean instanceof FlakyOnceCodeGenerator)
                            ? new FlakyOnceCodeGenerator(g) : bean;
                }
            };
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("spawnai.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    private DebianChromium chromium;
    private BrowserContext context;
    private Page page;
    private final List<String> requestedUrls = Collections.synchronizedList(new ArrayList<>());
    private long firstLoadBytes;

    @BeforeAll
    void openBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        chromium = DebianChromium.launch();
        context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1366, 860).setAcceptDownloads(true)
                .setPermissions(List.of("clipboard-read", "clipboard-write")));
        // records every step the progress view marks as current, in order, even several within one task
        context.addInitScript("""
                window.__steps = [];
                addEventListener('DOMContentLoaded', () => {
                  const steps = document.getElementById('steps');
                  if (!steps) return; // the preview frame
                  new MutationObserver((records) => {
                    for (const r of records) {
                      if (r.target.getAttribute('aria-current') === 'step') window.__steps.push(r.target.dataset.step);
                    }
                  }).observe(steps, { subtree: true, attributeFilter: ['aria-current'] });
                });
                """);
        page = context.newPage();
        page.onRequest(request -> requestedUrls.add(request.url()));
        page.onRequestFinished(request -> firstLoadBytes += request.sizes().responseBodySize);
    }

    @AfterAll
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    @Order(1)
    void firstVisitShowsTheGalleryAndLoadsOnlyFromSpawnAi() {
        page.navigate(base());
        assertThat(page.getByRole(AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("What should we build?"))).isVisible();
        assertThat(page.locator("#gallery .example").first()).isVisible();
        assertThat(page.getByLabel("Describe the app you want")).isEditable();
        page.waitForLoadState();
        screenshot("home");

        assertThat(requestedUrls).isNotEmpty().allSatisfy(url -> assertThat(URI.create(url).getHost())
                .as("every request of the page goes to SpawnAI itself: %s", url).isEqualTo("localhost"));
        assertThat(firstLoadBytes).as("bytes transferred by the first load").isLessThan(300_000);
        assertThat((String) page.evaluate("localStorage.getItem('spawnai.token')")).isNotBlank();
    }

    @Test
    @Order(2)
    void describeAnAppWatchTheStepsAndSeeItLiveInThePreview() {
        Locator example = example(page, "Todo list");
        String prompt = example.getAttribute("data-prompt");
        example.click();
        Locator input = page.getByLabel("Describe the app you want");
        assertThat(input).hasValue(prompt);
        input.press("Enter");

        assertThat(page.locator("#app-view")).isVisible();
        assertThat(page.locator("#messages .from-user .message-body").first()).hasText(prompt);
        assertThat(page.locator("#app-status")).hasText("Live");
        assertThat(page.locator("#written-files li")).not().hasCount(0);
        assertThat(page.locator("#written-files")).containsText("server.js");
        assertThat(page.locator("#steps li[data-state=done]")).hasCount(7);

        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) page.evaluate("window.__steps");
        assertThat(seen).as("steps the page highlighted, in order")
                .containsSubsequence("generate", "validate", "provision", "start", "health");

        assertThat(page.locator("#tab-preview")).hasAttribute("aria-selected", "true");
        String url = page.locator("#app-url").textContent();
        assertThat(url).matches("http://3000-[a-z0-9]+\\.localhost:\\d+/");
        assertThat(page.locator("#preview")).hasAttribute("src", url);
        assertThat(page.frameLocator("#preview").locator("h1")).containsText("Todo");
        assertThat(page.frameLocator("#preview").locator("input").first()).isEditable();
        assertThat(page.locator("#time-left")).containsText(Pattern.compile("^\\d+:\\d\\d left$"));
        screenshot("app-live");

        page.locator("#tab-progress").click();
        page.getByText("Detailed log").click();
        assertThat(page.locator("#event-log li").last()).containsText("live at " + url);
    }

    @Test
    @Order(3)
    void theUrlCopiesAndTheAppExtendsByAnHour() {
        String url = page.locator("#app-url").textContent();
        page.locator("#copy-url").click();
        assertThat(page.locator("#toast")).hasText("URL copied.");
        assertThat((String) page.evaluate("navigator.clipboard.readText()")).isEqualTo(url);

        page.locator("#extend-app").click();
        Pattern twoHours = Pattern.compile("^(1:5\\d:\\d\\d|2:00:00) left$");
        assertThat(page.locator("#time-left")).containsText(twoHours);
        assertThat(page.locator("#app-list li[aria-current] .countdown")).containsText(twoHours);
    }

    @Test
    @Order(4)
    void codeViewShowsTheFilesHighlighted() {
        page.locator("#tab-code").click();
        assertThat(page.locator("#file-tree button[data-path='server.js']")).isVisible();
        page.locator("#file-tree button[data-path='server.js']").click();
        assertThat(page.locator("#file-name")).hasText("server.js");
        assertThat(page.locator("#file-content .tok-keyword").first()).isVisible();
        screenshot("code");
        page.locator("#tab-logs").click();
        assertThat(page.locator("#logs")).not().isEmpty();
    }

    @Test
    @Order(5)
    void aFollowUpMessageMakesANewVersion() {
        Locator input = page.getByLabel("Ask for a change");
        input.fill("make the header blue");
        input.press("Enter");
        assertThat(page.locator("#messages .from-user").last()).containsText("make the header blue");
        assertThat(page.locator("#messages .message-version").last()).hasText("v2");
        assertThat(page.locator("#app-status")).hasText("Live");
        assertThat(page.locator("#preview-note")).containsText("Version 2");
        assertThat(page.frameLocator("#preview").locator("h1")).containsText("Todo");
        assertThat(page.frameLocator("#preview").locator("input").first()).isEditable();
        assertThat(page.locator("#toast")).isHidden();
        screenshot("follow-up");
    }

    @Test
    @Order(6)
    void restoringAVersionMakesItCurrentAgain() {
        page.locator("#tab-versions").click();
        assertThat(page.locator("#versions li.current")).hasAttribute("data-version", "2");
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Restore version 1")).click();
        assertThat(page.locator("#preview-note")).containsText("Version 3");
        page.locator("#tab-versions").click();
        assertThat(page.locator("#versions li.current")).hasAttribute("data-version", "3");
        assertThat(page.locator("#versions li.current")).containsText("restore");
        screenshot("versions");
    }

    @Test
    @Order(7)
    void downloadGivesAZipOfTheCurrentVersion() throws IOException {
        Download download = page.waitForDownload(() -> page.locator("#download-app").click());
        assertThat(download.suggestedFilename()).endsWith(".zip");
        try (ZipFile zip = new ZipFile(download.path().toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).contains("server.js", "public/index.html");
        }
    }

    @Test
    @Order(8)
    void destroyAsksFirstThenEndsTheApp() {
        String url = page.locator("#app-url").textContent();
        page.locator("#destroy-app").click();
        Locator dialog = page.locator("#confirm-dialog");
        assertThat(dialog).isVisible();
        dialog.getByText("Cancel").click();
        assertThat(dialog).isHidden();
        assertThat(page.locator("#app-status")).hasText("Live");

        page.locator("#destroy-app").click();
        page.locator("#confirm-ok").click();
        assertThat(page.locator("#app-status")).hasText("Destroyed");
        assertThat(page.locator("#url-row")).isHidden();
        assertThat(page.locator("#app-list li[data-status=DESTROYED]")).containsText("ended");
        assertThat(page.locator("#composer-input")).isDisabled();
        assertThat(url).isNotBlank();
    }

    @Test
    @Order(9)
    void reloadingThePageRestoresTheAppsAndTheConversation() {
        page.reload();
        assertThat(page.locator("#app-status")).hasText("Destroyed");
        assertThat(page.locator("#messages .from-user").first()).containsText("todo list");
        assertThat(page.locator("#messages .from-user")).containsText(new String[] {"make the header blue"});
        page.navigate(base());
        assertThat(page.locator("#home-view")).isVisible();
        Locator item = page.locator("#app-list li").first();
        assertThat(item).containsText("Todo list");
        item.locator("a.app-open").click();
        assertThat(page.locator("#messages .from-user").first()).containsText("todo list");
    }

    @Test
    @Order(10)
    void aFailureShowsItsReasonAndRetryWorks() {
        page.locator("#new-app").click();
        Locator input = page.getByLabel("Describe the app you want");
        input.fill("a notes app" + FlakyOnceCodeGenerator.MARKER);
        input.press("Enter");
        assertThat(page.locator("#app-status")).hasText("Failed");
        Locator error = page.locator("#error-box");
        assertThat(error).isVisible();
        assertThat(error).containsText("Write code");
        assertThat(error).containsText(FlakyOnceCodeGenerator.FAILURE);
        assertThat(page.locator("#steps li[data-step=generate]")).hasAttribute("data-state", "failed");
        screenshot("failed");

        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Retry")).click();
        assertThat(page.locator("#app-status")).hasText("Live");
        assertThat(error).isHidden();
        assertThat(page.frameLocator("#preview").locator("h1")).containsText("Notes");
    }

    @Test
    @Order(11)
    void everythingWorksFromTheKeyboard() {
        page.navigate(base());
        assertThat(page.locator("#home-view")).isVisible();
        page.keyboard().press("Tab");
        assertThat(page.locator(".skip-link")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#composer-input")).isFocused();
        page.keyboard().type("a calculator");
        page.keyboard().press("Shift+Enter");
        page.keyboard().type("with big buttons");
        assertThat(page.locator("#composer-input")).hasValue("a calculator\nwith big buttons");
        page.keyboard().press("Enter");
        assertThat(page.locator("#app-status")).hasText("Live");

        assertThat(page.locator("#tab-preview")).hasAttribute("aria-selected", "true");
        page.locator("#tab-preview").focus();
        page.keyboard().press("ArrowRight");
        assertThat(page.locator("#tab-code")).isFocused();
        assertThat(page.locator("#panel-code")).isVisible();
        page.keyboard().press("End");
        assertThat(page.locator("#tab-versions")).hasAttribute("aria-selected", "true");
    }

    @Test
    @Order(12)
    void fitsAPhoneScreenInDarkMode() {
        try (BrowserContext phone = chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(375, 812).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)
                .setColorScheme(ColorScheme.DARK))) {
            Page p = phone.newPage();
            p.navigate(base());
            assertThat(p.locator("#gallery .example").first()).isVisible();
            assertThat(noHorizontalScroll(p)).isTrue();
            screenshot(p, "phone-home");

            example(p, "Pomodoro timer").click();
            p.getByLabel("Describe the app you want").press("Enter");
            assertThat(p.locator("#app-status")).hasText("Live");
            assertThat(p.frameLocator("#preview").locator("h1")).isVisible();
            assertThat(noHorizontalScroll(p)).isTrue();
            screenshot(p, "phone-app");

            p.locator("#apps-toggle").click();
            assertThat(p.locator("#apps-toggle")).hasAttribute("aria-expanded", "true");
            assertThat(p.locator("#app-list li").first()).isVisible();
            p.keyboard().press("Escape");
            assertThat(p.locator("#apps-toggle")).hasAttribute("aria-expanded", "false");
        }
    }

    @Test
    @Order(13)
    void withoutTheNewerEndpointsThePageFallsBack() {
        try (BrowserContext older = chromium.browser().newContext()) {
            String missing = "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No static resource.\"}";
            older.route(Pattern.compile(".*/api/v1/(examples|apps/[a-z0-9]+/(messages|versions|files))(\\?.*)?$"),
                    route -> route.fulfill(new Route.FulfillOptions().setStatus(404)
                            .setContentType("application/problem+json").setBody(missing)));
            Page p = older.newPage();
            p.navigate(base());
            Locator builtIn = p.locator("#gallery .example[data-prompt='a todo list app']");
            assertThat(builtIn).isVisible();
            builtIn.click();
            p.getByLabel("Describe the app you want").press("Enter");
            assertThat(p.locator("#app-status")).hasText("Live");
            assertThat(p.locator("#messages .from-user .message-body")).hasText("a todo list app");
            assertThat(p.locator("#messages .from-assistant")).containsText("is live at http://3000-");
            assertThat(p.locator("#composer-input")).isDisabled();
            assertThat(p.locator("#tab-versions")).isHidden();
            p.locator("#tab-code").click();
            assertThat(p.locator("#file-tree button[data-path='server.js']")).isVisible();
            assertThat(p.locator("#file-content")).containsText("does not show file contents");
        }
    }

    @Test
    @Order(14)
    void highlightsEachLanguageAndRendersMessagesAsTextOnly() {
        page.navigate(base());
        @SuppressWarnings("unchecked")
        List<String> classes = (List<String>) page.evaluate("""
                async () => {
                  const { highlight } = await import('/js/highlight.js');
                  const kinds = (code, lang) => {
                    const div = document.createElement('div');
                    div.innerHTML = highlight(code, lang);
                    return [...div.querySelectorAll('span')].map((s) => s.className + ':' + s.textContent).join(' ');
                  };
                  return [
                    kinds('const a = "x"; // c', 'js'),
                    kinds('def f():\\n    return None  # c', 'python'),
                    kinds('.box { color: #fff; }', 'css'),
                    kinds('{"k": [1, true]}', 'json'),
                    kinds('<p class="a">x</p><script>let y = 1;</script>', 'html'),
                  ];
                }""");
        assertThat(classes.get(0)).contains("tok-keyword:const", "tok-string:\"x\"", "tok-comment:// c");
        assertThat(classes.get(1)).contains("tok-keyword:def", "tok-fn:f", "tok-literal:None", "tok-comment:# c");
        assertThat(classes.get(2)).contains("tok-fn:.box", "tok-attr:color", "tok-number:#fff");
        assertThat(classes.get(3)).contains("tok-attr:\"k\"", "tok-number:1", "tok-literal:true");
        assertThat(classes.get(4)).contains("tok-tag:<p", "tok-attr:class", "tok-keyword:let");

        Object rendered = page.evaluate("""
                async () => {
                  const { renderMessage } = await import('/js/markup.js');
                  const div = document.createElement('div');
                  div.append(renderMessage('See [docs](https://example.org/x) and https://a.example/b.\\n\\n'
                    + '<img src=x onerror="window.pwned=1">\\n\\n```js\\nconst a = 1;\\n```'));
                  return { imgs: div.querySelectorAll('img').length, links: [...div.querySelectorAll('a')].map((a) => a.href),
                           code: div.querySelector('pre code .tok-keyword')?.textContent, text: div.textContent };
                }""");
        assertThat(rendered).asString().contains("imgs=0", "https://example.org/x", "https://a.example/b",
                "code=const", "<img src=x");
    }

    private static Locator example(Page p, String title) {
        return p.locator("#gallery .example").filter(new Locator.FilterOptions().setHasText(title)).first();
    }

    private static boolean noHorizontalScroll(Page p) {
        return (Boolean) p.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
    }

    private String base() {
        return "http://localhost:" + port + "/";
    }

    private void screenshot(String name) {
        screenshot(page, name);
    }

    private static void screenshot(Page p, String name) {
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
