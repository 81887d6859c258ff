package ai.spawn.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parts of the web page that the user flows in {@link WebPageIT} do not single out: how it degrades on a server
 * without the newer endpoints, the syntax highlighter, and that message text never becomes markup.
 */
class WebPageDetailsIT extends PageTest {

    private BrowserContext context;

    @BeforeAll
    void openContext() {
        context = chromium.browser().newContext();
    }

    @AfterAll
    void closeContext() {
        context.close();
    }

    @Test
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
    void highlightsEachLanguageAndRendersMessagesAsTextOnly() {
        Page page = context.newPage();
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
}
