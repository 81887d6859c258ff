package ai.spawn.generation.openai;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.CodeGenerator;
import ai.spawn.generation.GenerationException;
import ai.spawn.generation.GenerationInfo;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationProperties;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.model.DeliverAppParser;
import ai.spawn.generation.model.Prompts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates apps with any server that speaks OpenAI's Chat Completions API: Ollama, vLLM, llama.cpp's server,
 * OpenAI. The model must answer with the {@code deliver_app} function ({@code tool_choice} forces it where the
 * server supports that); the answer is streamed by default ({@code stream_options.include_usage} for the token
 * counts) and files are reported as their JSON completes.
 *
 * <p>Written directly on {@code java.net.http}: no official Java SDK targets generic OpenAI-compatible servers
 * (OpenAI's own SDK assumes OpenAI's API surface and brings a second HTTP and JSON stack), and the protocol used
 * here is one POST and one SSE stream. Retries are a small loop rather than Resilience4j for the same reason: one
 * call site, and the rule is short — retry 408, 429, 5xx and connection errors up to {@code max-retries} times
 * before any of the answer has been read, waiting what {@code Retry-After}/{@code retry-after-ms} asks (at most
 * 60 s) or else an exponential backoff with jitter (0.5 s, 1 s, 2 s, ... at most 8 s).
 *
 * <p>Thread-safe: one instance serves concurrent generations. Failures are {@link GenerationException}s with a
 * readable reason. An {@code Authorization: Bearer} header is sent only when a key is configured (Ollama needs
 * none); the key is never logged.
 */
public final class OpenAiCompatibleCodeGenerator implements CodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(OpenAiCompatibleCodeGenerator.class);
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final int ERROR_BODY_LIMIT = 4000;

    /** Waits between retries; replaced in tests. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final GenerationProperties.OpenAi config;
    private final GenerationProperties prices;
    private final Prompts prompts;
    private final ChatRequests requests;
    private final DeliverAppParser parser = new DeliverAppParser();
    private final HttpClient http;
    private final URI endpoint;
    private final Pause pause;

    /**
     * The engine for {@code spawnai.generation.openai.*} with the current prompts.
     *
     * @throws IllegalStateException when no base URL is configured or it is not a URL
     */
    public OpenAiCompatibleCodeGenerator(GenerationProperties properties) {
        this(properties, Prompts.current(), d -> TimeUnit.NANOSECONDS.sleep(d.toNanos()));
    }

    OpenAiCompatibleCodeGenerator(GenerationProperties properties, Prompts prompts, Pause pause) {
        this.config = properties.openai();
        if (!config.hasBaseUrl()) {
            throw new IllegalStateException("the openai engine needs the server's base URL: set OPENAI_BASE_URL or "
                    + "spawnai.generation.openai.base-url (e.g. http://localhost:11434/v1 for Ollama)");
        }
        this.prices = properties;
        this.prompts = prompts;
        this.requests = new ChatRequests(prompts, config.model(), config.maxTokens());
        this.endpoint = endpoint(config.baseUrl());
        this.pause = pause;
        this.http = HttpClient.newBuilder().connectTimeout(min(config.timeout(), Duration.ofSeconds(30)))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** {@code {base}/chat/completions} when the base ends in {@code /v1}, else {@code {base}/v1/chat/completions}. */
    static URI endpoint(String baseUrl) {
        String base = baseUrl.strip().replaceAll("/+$", "");
        try {
            return URI.create(base.endsWith("/v1") ? base + "/chat/completions" : base + "/v1/chat/completions");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("spawnai.generation.openai.base-url is not a URL: " + baseUrl, e);
        }
    }

    @Override
    public String engine() {
        return "openai";
    }

    @Override
    public String model() {
        return config.model();
    }

    /** Models repair their own bundles from the failing step's error: the fix loop asks them. */
    @Override
    public boolean canFix() {
        return true;
    }

    @Override
    public String promptVersion() {
        return prompts.version();
    }

    @Override
    public AppBundle generate(GenerationRequest request, GenerationListener listener) {
        Objects.requireNonNull(request, "request");
        GenerationListener events = listener == null ? GenerationListener.NONE : listener;
        long t0 = System.nanoTime();
        byte[] body = requests.body(request, config.stream());
        events.progress("asking " + config.model() + " at " + endpoint.getHost());
        ChatAnswer answer = new ChatAnswer(events);
        try {
            call(body, answer, t0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException("generation was interrupted", e, spent(answer, t0));
        } catch (GenerationException e) {
            throw e.usage() != null ? e : new GenerationException(e.getMessage(), e.getCause(), spent(answer, t0));
        }
        GenerationInfo usage = usage(answer, t0);
        if ("length".equals(answer.finishReason())) {
            throw DeliverAppParser.truncated(config.maxTokens(), usage);
        }
        String toolInput = answer.toolInput();
        if (toolInput == null) {
            throw DeliverAppParser.noToolCall(answer.text(), usage);
        }
        AppBundle bundle = parser.parse(toolInput, usage);
        if (!config.stream()) {
            bundle.files().keySet().forEach(events::fileWritten);
        }
        events.progress("received " + bundle.files().size() + " files from " + usage.model());
        log.info("generated {} files with {} in {} ms: {} input, {} output, {} cached tokens, ${}",
                bundle.files().size(), usage.model(), usage.durationMillis(), usage.inputTokens(), usage.outputTokens(),
                usage.cacheReadTokens(), String.format("%.4f", usage.costUsd()));
        return bundle;
    }

    private void call(byte[] body, ChatAnswer answer, long t0) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", config.stream() ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (config.hasApiKey()) {
            builder.header("Authorization", "Bearer " + config.apiKey().strip());
        }
        HttpRequest request = builder.build();
        long deadline = t0 + config.requestTimeout().toNanos();
        int attempts = config.maxRetries() + 1;
        for (int attempt = 1; ; attempt++) {
            try (HttpLines response = HttpLines.send(http, request)) {
                int status;
                try {
                    status = response.head(config.timeout()).statusCode();
                } catch (IOException e) {
                    if (attempt < attempts) {
                        retryAfter(attempt, null, "connection failed: " + e.getMessage());
                        continue;
                    }
                    throw new GenerationException(unreachable(e, attempts), e);
                }
                if (status == 200) {
                    read(response, answer, deadline);
                    return;
                }
                String error = errorBody(response, deadline);
                if (retryable(status) && attempt < attempts) {
                    retryAfter(attempt, response.headers(), "HTTP " + status);
                    continue;
                }
                throw new GenerationException(OpenAiFailures.reason(status, error, config.model(), attempt));
            }
        }
    }

    private void read(HttpLines response, ChatAnswer answer, long deadline) throws InterruptedException {
        try {
            if (!config.stream()) {
                answer.whole(JSON.readTree(response.rest(Integer.MAX_VALUE, config.timeout(), deadline)));
                return;
            }
            for (String line = response.next(config.timeout(), deadline); line != null;
                 line = response.next(config.timeout(), deadline)) {
                if (!line.startsWith("data:")) {
                    continue; // blank separators, comments, event or id fields
                }
                String data = line.substring(5).strip();
                if (data.equals("[DONE]")) {
                    return;
                }
                if (!data.isEmpty()) {
                    answer.chunk(JSON.readTree(data));
                }
            }
            if (answer.finishReason() == null) {
                throw new GenerationException("the model server's stream ended before the answer was complete");
            }
        } catch (HttpTimeoutException e) {
            throw new GenerationException("the model server did not finish the answer in time (" + e.getMessage()
                    + ")", e);
        } catch (IOException e) {
            throw new GenerationException("the connection to the model server broke off (" + e.getMessage() + ")",
                    e);
        } catch (JacksonException e) {
            throw new GenerationException("the model server sent data that is not JSON", e);
        }
    }

    private String errorBody(HttpLines response, long deadline) throws InterruptedException {
        try {
            return response.rest(ERROR_BODY_LIMIT, config.timeout(), deadline);
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private void retryAfter(int attempt, HttpHeaders headers, String why) throws InterruptedException {
        Duration wait = Backoff.delay(attempt, headers);
        log.debug("retrying the model server after {} in {} ms (attempt {})", why, wait.toMillis(), attempt + 1);
        pause.pause(wait);
    }

    private String unreachable(IOException e, int attempts) {
        String tries = attempts == 1 ? "" : " after " + attempts + " attempts";
        return e instanceof HttpTimeoutException
                ? "the model server at " + endpoint.getHost() + ":" + endpoint.getPort() + " did not answer in time"
                + tries
                : "the model server at " + endpoint.getHost() + ":" + endpoint.getPort() + " could not be reached"
                + tries + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + ")";
    }

    private GenerationInfo usage(ChatAnswer answer, long t0) {
        String model = answer.model(config.model());
        double cost = prices.priceOf(model).costUsd(answer.inputTokens(), answer.outputTokens(), 0,
                answer.cachedTokens());
        return new GenerationInfo(engine(), model, answer.inputTokens(), answer.outputTokens(), 0,
                answer.cachedTokens(), cost, (System.nanoTime() - t0) / 1_000_000);
    }

    private GenerationInfo spent(ChatAnswer answer, long t0) {
        return answer.consumedTokens() ? usage(answer, t0) : null;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "OpenAiCompatibleCodeGenerator[" + config + "]";
    }
}
