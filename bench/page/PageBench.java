import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.sun.net.httpserver.HttpServer;

/**
 * Issue figures for the web page, in Debian's headless Chromium driven by Playwright, against a running SpawnAI:
 * <ol>
 *   <li>first load, cold cache (a new browser context each time): bytes transferred and navigation start to first
 *   contentful paint, DOMContentLoaded and the gallery on screen; baselines in the same run: a tiny static HTML
 *   page served by the bench itself (JDK HttpServer) and SpawnAI's own /favicon.svg, interleaved with the page;</li>
 *   <li>step changes: apps created from the page (type a prompt, Enter); for every step change, the time from the
 *   server emitting the event (its {@code time}) to the progress view marking the step (MutationObserver);
 *   baseline: the same events on an EventSource of the bench itself in the same page.</li>
 * </ol>
 * Prints a plain-text report. Run from the repository root (it reads bench/page/*.js).
 *
 * <p>Usage: {@code java -cp target/classes:target/test-classes:$(cat target/pagebench.cp) bench/page/PageBench.java
 * http://localhost:8080/ [loads=20] [apps=20]}
 */
public class PageBench {

    static final List<String> STEPS =
            List.of("generate", "validate", "provision", "install", "start", "health", "live");
    static final List<String> PROMPTS = List.of("a todo list app", "a notes app", "a kanban board", "a calculator");
    static final int WARMUP = 3;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0].endsWith("/") ? args[0] : args[0] + "/";
        int loads = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int apps = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String firstLoadJs = Files.readString(Path.of("bench/page/first-load.js"));
        String stepsJs = Files.readString(Path.of("bench/page/steps.js"));

        HttpServer tiny = tinyServer();
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run")));
            System.out.println("browser: Chromium " + browser.version() + " headless, Playwright 1.62");
            String tinyUrl = "http://127.0.0.1:" + tiny.getAddress().getPort() + "/";
            firstLoads(browser, firstLoadJs, base, tinyUrl, loads);
            stepChanges(browser, stepsJs, base, apps);
            browser.close();
        } finally {
            tiny.stop(0);
        }
    }

    // ---- 1. first load ----

    static void firstLoads(Browser browser, String js, String base, String tinyUrl, int n) {
        Map<String, List<Map<String, Double>>> runs = new LinkedHashMap<>();
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("page", base);
        targets.put("tiny HTML (JDK HttpServer)", tinyUrl);
        targets.put("/favicon.svg (SpawnAI)", base + "favicon.svg");
        targets.keySet().forEach(k -> runs.put(k, new ArrayList<>()));
        Map<String, Double> veryFirst = firstLoad(browser, js, base, true);
        for (int i = 0; i < WARMUP; i++) {
            targets.forEach((name, url) -> firstLoad(browser, js, url, name.equals("page")));
        }
        for (int i = 0; i < n; i++) {
            targets.forEach((name, url) -> runs.get(name).add(firstLoad(browser, js, url, name.equals("page"))));
        }

        System.out.printf("%n== First load, cold cache (new context each time), N=%d after %d warm-up rounds,"
                + " interleaved ==%n", n, WARMUP);
        System.out.printf("very first load after server start (not in the figures): %.0f bytes, FCP %.0f ms,"
                + " gallery %.0f ms%n", veryFirst.get("transferSize"), veryFirst.get("fcp"),
                veryFirst.get("galleryFrame"));
        for (var run : runs.entrySet()) {
            List<Map<String, Double>> r = run.getValue();
            System.out.printf("-- %s: %.0f requests%n", run.getKey(), r.get(0).get("requests"));
            bytes("transferred (Resource Timing transferSize, document + resources)", r, "transferSize");
            bytes("  body bytes as sent (encodedBodySize)", r, "encodedBodySize");
            bytes("  body bytes unpacked (decodedBodySize)", r, "decodedBodySize");
            bytes("transferred (Playwright: response headers + body)", r, "playwrightBytes");
            ms("navigation start -> first contentful paint", r, "fcp");
            ms("navigation start -> DOMContentLoaded end", r, "domContentLoaded");
            ms("navigation start -> load end", r, "load");
            if (run.getKey().equals("page")) {
                ms("navigation start -> first gallery example in the DOM", r, "gallery");
                ms("navigation start -> the frame after it (gallery visible)", r, "galleryFrame");
            }
        }
        var page = runs.get("page");
        var tiny = runs.get("tiny HTML (JDK HttpServer)");
        System.out.printf("ratio page/tiny HTML, p50: FCP %.1fx, DOMContentLoaded %.1fx, bytes %.0fx%n",
                pct(values(page, "fcp"), 50) / pct(values(tiny, "fcp"), 50),
                pct(values(page, "domContentLoaded"), 50) / pct(values(tiny, "domContentLoaded"), 50),
                pct(values(page, "transferSize"), 50) / pct(values(tiny, "transferSize"), 50));
    }

    /** One navigation in a fresh context (empty cache and storage); waits for the gallery and network idle. */
    static Map<String, Double> firstLoad(Browser browser, String js, String url, boolean isPage) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 860));
        try {
            context.addInitScript(js);
            Page page = context.newPage();
            List<Request> finished = Collections.synchronizedList(new ArrayList<>());
            page.onRequestFinished(finished::add);
            page.navigate(url);
            if (isPage) {
                page.locator("#gallery .example").first().waitFor(new Locator.WaitForOptions()
                        .setState(WaitForSelectorState.VISIBLE).setTimeout(30_000));
                page.waitForFunction("() => window.__galleryFrame != null");
            }
            page.waitForLoadState(LoadState.NETWORKIDLE);
            page.waitForFunction("() => performance.getEntriesByName('first-contentful-paint').length > 0"
                    + " || performance.now() > 5000");
            Map<String, Double> result = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            Map<String, Object> measured = (Map<String, Object>) page.evaluate("() => window.__firstLoad()");
            measured.forEach((k, v) -> result.put(k, v == null ? Double.NaN : ((Number) v).doubleValue()));
            double bytes = 0;
            synchronized (finished) {
                for (Request r : finished) {
                    var sizes = r.sizes();
                    bytes += sizes.responseBodySize + sizes.responseHeadersSize;
                }
            }
            result.put("playwrightBytes", bytes);
            return result;
        } finally {
            context.close();
        }
    }

    // ---- 2. step changes ----

    static void stepChanges(Browser browser, String js, String base, int n) throws Exception {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 860));
        context.addInitScript(js);
        Page page = context.newPage();
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 2 + n; i++) {
            List<Change> these = oneApp(page, base, PROMPTS.get(i % PROMPTS.size()));
            if (i >= 2) {
                changes.addAll(these);
            }
        }
        context.close();

        System.out.printf("%n== Step changes: %d apps created from the page (after 2 warm-up apps), %d changes ==%n",
                n, changes.size());
        System.out.println("(emit = the event's `time`; live = emitted after the stream's response arrived,"
                + " replayed = emitted earlier, sent as history when the stream opened)");
        List<Change> live = changes.stream().filter(c -> c.emitted > c.pageOpen).toList();
        List<Change> replayed = changes.stream().filter(c -> c.emitted <= c.pageOpen).toList();
        List<Change> ownLive = changes.stream().filter(c -> c.emitted > c.ownOpen).toList();
        latency("page, all changes: DOM shows the step - emit", changes, c -> c.dom - c.emitted);
        latency("page, live changes: DOM shows the step - emit", live, c -> c.dom - c.emitted);
        latency("page, live changes: next animation frame - emit", live, c -> c.frame - c.emitted);
        latency("page, replayed changes: DOM shows the step - emit", replayed, c -> c.dom - c.emitted);
        latency("  of which: the page's stream opens - emit", replayed, c -> c.pageOpen - c.emitted);
        latency("  of which: DOM shows the step - the page's stream opens", replayed, c -> c.dom - c.pageOpen);
        latency("  for comparison: the bench's stream (opened on hashchange) - emit", replayed,
                c -> c.ownOpen - c.emitted);
        latency("baseline, bench EventSource, live: onmessage - emit", ownLive, c -> c.own - c.emitted);
        latency("page's own cost, live: DOM shows the step - bench onmessage", live, c -> c.dom - c.own);
        latency("page, all changes: DOM shows the step - bench onmessage", changes, c -> c.dom - c.own);
        if (!live.isEmpty() && !ownLive.isEmpty()) {
            System.out.printf("ratio p50 page live / baseline live: %.1fx%n",
                    pct(live.stream().map(c -> c.dom - c.emitted).toList(), 50)
                            / pct(ownLive.stream().map(c -> c.own - c.emitted).toList(), 50));
        }
        System.out.println("per step (live changes, DOM - emit, p50 / max):");
        for (String step : STEPS) {
            List<Double> d = live.stream().filter(c -> c.step.equals(step)).map(c -> c.dom - c.emitted).toList();
            long replays = replayed.stream().filter(c -> c.step.equals(step)).count();
            System.out.printf("  %-9s live %2d: %s   replayed %d%n", step, d.size(),
                    d.isEmpty() ? "-" : String.format("%6.1f / %6.1f ms", pct(d, 50), Collections.max(d)), replays);
        }
    }

    /** A step change of one app: wall-clock milliseconds of emit, the page's DOM, the bench's EventSource. */
    record Change(String step, double emitted, double dom, double frame, double own, double pageOpen,
                  double ownOpen) {
    }

    @SuppressWarnings("unchecked")
    static List<Change> oneApp(Page page, String base, String prompt) throws Exception {
        page.navigate("about:blank");
        page.navigate(base);
        page.locator("#gallery .example").first().waitFor();
        Locator input = page.getByLabel("Describe the app you want");
        input.fill(prompt);
        input.press("Enter");
        page.waitForFunction("() => /^#\\/apps\\//.test(location.hash)");
        page.waitForFunction("() => __bench.es.some(e => e.status === 'LIVE' || e.status === 'FAILED')"
                + " && __bench.dom.some(d => d.step === 'live' && d.state === 'done' || d.state === 'failed')",
                null, new Page.WaitForFunctionOptions().setTimeout(180_000));
        page.waitForFunction("() => __bench.dom.every(d => d.frame != null)");
        Map<String, Object> bench = (Map<String, Object>) page.evaluate(
                "() => ({ dom: __bench.dom, es: __bench.es, opens: __bench.opens, own: __bench.own })");
        String appId = (String) ((Map<String, Object>) bench.get("own")).get("app");
        double ownOpen = num(((Map<String, Object>) bench.get("own")).get("open"));
        double pageOpen = ((List<Map<String, Object>>) bench.get("opens")).stream()
                .filter(o -> ((String) o.get("url")).contains(appId)).mapToDouble(o -> num(o.get("t")))
                .min().orElseThrow();
        List<Map<String, Object>> dom = (List<Map<String, Object>>) bench.get("dom");
        List<Map<String, Object>> es = new ArrayList<>((List<Map<String, Object>>) bench.get("es"));
        es.sort((a, b) -> Double.compare(num(a.get("seq")), num(b.get("seq"))));

        List<Change> changes = new ArrayList<>();
        int current = -1;
        for (Map<String, Object> ev : es) {
            String status = (String) ev.get("status");
            int index = STEPS.indexOf((String) ev.get("step"));
            if ("LIVE".equals(status)) {
                index = STEPS.size() - 1;
            }
            if (index < 0 || index == current) {
                continue;
            }
            current = index;
            String step = STEPS.get(index);
            String shown = "LIVE".equals(status) ? "done" : "FAILED".equals(status) ? "failed" : "current";
            Map<String, Object> seen = dom.stream()
                    .filter(d -> step.equals(d.get("step")) && shown.equals(d.get("state"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the page never showed " + step + " " + shown));
            changes.add(new Change(step, epochMillis((String) ev.get("time")), num(seen.get("t")),
                    num(seen.get("frame")), num(ev.get("t")), pageOpen, ownOpen));
        }
        String token = (String) page.evaluate("() => localStorage.getItem('spawnai.token')");
        HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/v1/apps/" + appId))
                .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        return changes;
    }

    // ---- helpers ----

    static HttpServer tinyServer() throws Exception {
        // no favicon request: the floor is one response
        byte[] body = ("<!doctype html><meta charset=utf-8><title>floor</title><link rel=icon href=\"data:,\">"
                + "<p>Hello.</p>").getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** An ISO instant (micro- or millisecond resolution) as fractional epoch milliseconds. */
    static double epochMillis(String iso) {
        Instant t = Instant.parse(iso);
        return t.getEpochSecond() * 1000.0 + t.getNano() / 1e6;
    }

    static double num(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    static List<Double> values(List<Map<String, Double>> runs, String key) {
        return runs.stream().map(r -> r.get(key)).filter(v -> !v.isNaN()).toList();
    }

    /** Nearest-rank percentile. */
    static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    static void bytes(String what, List<Map<String, Double>> runs, String key) {
        List<Double> v = values(runs, key);
        System.out.printf("  %-66s p50 %8.0f B  p95 %8.0f B  max %8.0f B%n", what, pct(v, 50), pct(v, 95),
                Collections.max(v));
    }

    static void ms(String what, List<Map<String, Double>> runs, String key) {
        List<Double> v = values(runs, key);
        if (v.isEmpty()) {
            System.out.printf("  %-66s n/a%n", what);
            return;
        }
        System.out.printf("  %-66s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n", what, pct(v, 50), pct(v, 95),
                Collections.max(v));
    }

    static void latency(String what, List<Change> changes, Function<Change, Double> f) {
        if (changes.isEmpty()) {
            System.out.printf("  %-62s n=0%n", what);
            return;
        }
        List<Double> v = changes.stream().map(f).toList();
        System.out.printf("  %-62s n=%3d  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  min %6.1f ms%n", what, v.size(),
                pct(v, 50), pct(v, 95), Collections.max(v), Collections.min(v));
    }
}
