package ai.spawn.generation.anthropic;

import java.time.Duration;
import java.util.Objects;
import java.util.stream.Collectors;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.CodeGenerator;
import ai.spawn.generation.GenerationException;
import ai.spawn.generation.GenerationInfo;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationProperties;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.model.DeliverAppParser;
import ai.spawn.generation.model.Prompts;
import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.ObjectMappers;
import com.anthropic.core.RequestOptions;
import com.anthropic.core.Sleeper;
import com.anthropic.core.Timeout;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicException;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Usage;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates apps with Claude through the official Java SDK ({@code com.anthropic:anthropic-java}). One call per
 * {@link #generate}: the system prompt is marked for prompt caching, the model must answer with the
 * {@code deliver_app} tool, and the answer is streamed by default so {@link GenerationListener#fileWritten} fires
 * as each file's JSON completes. The SDK retries 408, 409, 429, 5xx (529 overloaded) and connection errors up to
 * {@code max-retries} times with exponential backoff, honouring {@code retry-after}/{@code retry-after-ms}.
 *
 * <p>Thread-safe: one instance (and one SDK client with its connection pool) serves concurrent generations;
 * {@link #close()} releases the client. Failures are {@link GenerationException}s with a readable reason and the
 * attempt's token usage when the model was reached. The API key is handed to the SDK only and never logged.
 */
public final class AnthropicCodeGenerator implements CodeGenerator, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AnthropicCodeGenerator.class);
    private static final int TEXT_LIMIT = 2000;

    private final GenerationProperties.Anthropic config;
    private final GenerationProperties prices;
    private final Prompts prompts;
    private final AnthropicRequests requests;
    private final AnthropicFailures failures;
    private final DeliverAppParser parser = new DeliverAppParser();
    private final AnthropicClient client;
    private final RequestOptions wholeAnswer;

    /**
     * The engine for {@code spawnai.generation.anthropic.*} with the current prompts; prepares the SDK on a
     * background thread (see {@link SdkWarmUp}) so that the first generation does not pay for it.
     *
     * @throws IllegalStateException when no API key is configured
     */
    public AnthropicCodeGenerator(GenerationProperties properties) {
        this(properties, Prompts.current(), null);
        SdkWarmUp.inBackground(requests, config.model());
    }

    AnthropicCodeGenerator(GenerationProperties properties, Prompts prompts, Sleeper sleeper) {
        this.config = properties.anthropic();
        if (!config.hasApiKey()) {
            throw new IllegalStateException("the anthropic engine needs an API key: set ANTHROPIC_API_KEY or "
                    + "spawnai.generation.anthropic.api-key");
        }
        this.prices = properties;
        this.prompts = prompts;
        this.requests = new AnthropicRequests(prompts, config.model(), config.maxTokens());
        this.failures = new AnthropicFailures(config.model(), config.maxRetries(), config.timeout());
        AnthropicOkHttpClient.Builder builder = AnthropicOkHttpClient.builder().apiKey(config.apiKey())
                .maxRetries(config.maxRetries())
                .timeout(Timeout.builder().connect(min(config.timeout(), Duration.ofSeconds(30)))
                        .read(config.timeout()).write(config.timeout()).request(config.requestTimeout()).build());
        if (config.baseUrl() != null && !config.baseUrl().isBlank()) {
            builder.baseUrl(config.baseUrl().strip());
        }
        if (sleeper != null) {
            builder.sleeper(sleeper);
        }
        this.client = builder.build();
        // a whole (non-streamed) answer is silent until it is complete
        this.wholeAnswer = RequestOptions.builder().timeout(Timeout.builder().read(config.requestTimeout())
                .request(config.requestTimeout()).build()).build();
    }

    @Override
    public String engine() {
        return "anthropic";
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
        MessageCreateParams params = requests.params(request);
        events.progress("asking " + config.model());
        Answer answer = config.stream() ? streamed(params, events, t0) : whole(params);
        GenerationInfo usage = usage(answer.model(), answer.tokens(), t0);
        if (StopReason.MAX_TOKENS.asString().equals(answer.stopReason())) {
            throw DeliverAppParser.truncated(requests.maxTokens(), usage);
        }
        if (StopReason.REFUSAL.asString().equals(answer.stopReason())) {
            throw new GenerationException("Claude declined to build this app", null, usage);
        }
        if (answer.toolInput() == null) {
            throw DeliverAppParser.noToolCall(answer.text(), usage);
        }
        AppBundle bundle = parser.parse(answer.toolInput(), usage);
        if (!config.stream()) {
            bundle.files().keySet().forEach(events::fileWritten);
        }
        events.progress("received " + bundle.files().size() + " files from " + usage.model() + " ("
                + usage.outputTokens() + " output tokens)");
        log.info("generated {} files with {} in {} ms: {} input, {} output, {} cache-write, {} cache-read tokens, ${}",
                bundle.files().size(), usage.model(), usage.durationMillis(), usage.inputTokens(),
                usage.outputTokens(), usage.cacheWriteTokens(), usage.cacheReadTokens(),
                String.format("%.4f", usage.costUsd()));
        return bundle;
    }

    private Answer streamed(MessageCreateParams params, GenerationListener events, long t0) {
        StreamedAnswer stream = new StreamedAnswer(events);
        try (StreamResponse<RawMessageStreamEvent> response = client.messages().createStreaming(params)) {
            response.stream().forEach(stream::accept);
        } catch (AnthropicException e) {
            throw failures.of(e, spent(stream.tokens(), t0));
        }
        if (!stream.complete()) {
            throw new GenerationException("the Anthropic stream ended before the answer was complete", null,
                    spent(stream.tokens(), t0));
        }
        return stream.answer(config.model());
    }

    private Answer whole(MessageCreateParams params) {
        try {
            return answerOf(client.messages().create(params, wholeAnswer), config.model());
        } catch (AnthropicException e) {
            throw failures.of(e, null);
        }
    }

    /** The parts of a complete message that a generation needs. */
    static Answer answerOf(Message message, String configuredModel) {
        String toolInput = null;
        for (ContentBlock block : message.content()) {
            if (toolInput == null && block.isToolUse() && Prompts.TOOL_NAME.equals(block.asToolUse().name())) {
                toolInput = json(block.asToolUse()._input());
            }
        }
        String text = message.content().stream().filter(ContentBlock::isText).map(b -> b.asText().text())
                .collect(Collectors.joining("\n"));
        Usage usage = message.usage();
        String model = message._model().asKnown().map(m -> m.asString()).orElse(configuredModel);
        return new Answer(model, toolInput, text.length() > TEXT_LIMIT ? text.substring(0, TEXT_LIMIT) : text,
                message.stopReason().map(StopReason::asString).orElse(null),
                new Answer.Tokens(usage.inputTokens(), usage.outputTokens(),
                        usage.cacheCreationInputTokens().orElse(0L), usage.cacheReadInputTokens().orElse(0L)));
    }

    private static String json(com.anthropic.core.JsonValue value) {
        try {
            return ObjectMappers.jsonMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new GenerationException("the model's deliver_app input could not be read", e);
        }
    }

    private GenerationInfo usage(String model, Answer.Tokens t, long t0) {
        double cost = prices.priceOf(model).costUsd(t.input(), t.output(), t.cacheWrite(), t.cacheRead());
        return new GenerationInfo(engine(), model, t.input(), t.output(), t.cacheWrite(), t.cacheRead(), cost,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** The usage of a failed call, or {@code null} when it consumed nothing. */
    private GenerationInfo spent(Answer.Tokens t, long t0) {
        return t.equals(Answer.Tokens.NONE) ? null : usage(config.model(), t, t0);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Closes the SDK client and its connection pool. */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "AnthropicCodeGenerator[" + config + "]";
    }
}
