package ai.spawn.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web page in a real headless Chromium against a running SpawnAI (real sandboxes, gateway and the offline
 * generator): describe an app, watch the steps, see the live app in the preview frame, send a follow-up, restore
 * a version, download the zip, destroy, reload and find the history; a failure shows its reason and Retry works.
 * The tests run in order on one page, as one person would use it. Screenshots go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageIT extends PageTest {

    private BrowserContext context;
    private Page page;
    private final List<String> requestedUrls = Collections.synchronizedList(new ArrayList<>());
    private long firstLoadBytes;

    @BeforeAll
    void openPage() {
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

    private static boolean noHorizontalScroll(Page p) {
        return (Boolean) p.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
    }

    private void screenshot(String name) {
        screenshot(page, name);
    }
}
