package ai.spawn.generation;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code spawnai.generation.*}: which engine generates code, how it reaches its model and what tokens cost.
 * API keys never appear in {@link #toString()}.
 *
 * @param engine    {@code auto} (Claude when an Anthropic key is set, else an OpenAI-compatible server when its base
 *                  URL is set, else the offline blueprints), {@code anthropic}, {@code openai} or {@code blueprint}
 * @param anthropic the Claude engine
 * @param openai    the OpenAI-compatible engine (Ollama, vLLM, llama.cpp server, OpenAI)
 * @param prices    USD per million tokens by model-name prefix; the longest matching prefix wins, models without
 *                  one cost nothing (local models)
 */
@Validated
@ConfigurationProperties("spawnai.generation")
public record GenerationProperties(
        @NotNull @DefaultValue("auto") Engine engine,
        @Valid @NotNull @DefaultValue Anthropic anthropic,
        @Valid @NotNull @DefaultValue OpenAi openai,
        Map<String, Price> prices) {

    public GenerationProperties {
        prices = prices == null ? Map.of() : Map.copyOf(prices);
    }

    /** The engines. */
    public enum Engine { AUTO, ANTHROPIC, OPENAI, BLUEPRINT }

    /** The engine in use: {@link #engine()}, with {@code auto} resolved. */
    public Engine selectedEngine() {
        if (engine != Engine.AUTO) {
            return engine;
        }
        if (anthropic.hasApiKey()) {
            return Engine.ANTHROPIC;
        }
        return openai.hasBaseUrl() ? Engine.OPENAI : Engine.BLUEPRINT;
    }

    /** The price of a model: the entry with the longest prefix of its name, or {@link Price#FREE}. */
    public Price priceOf(String model) {
        if (model == null) {
            return Price.FREE;
        }
        return prices.entrySet().stream().filter(e -> model.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue).orElse(Price.FREE);
    }

    /**
     * The Claude engine.
     *
     * @param apiKey         the API key ({@code ANTHROPIC_API_KEY}); sent as a bearer token, never logged
     * @param baseUrl        API base URL ({@code ANTHROPIC_BASE_URL}); blank for Anthropic's own
     * @param model          model name
     * @param maxTokens      output limit of one answer
     * @param timeout        longest silence while waiting for the answer (between two streamed events)
     * @param requestTimeout longest one attempt may take in all
     * @param maxRetries     retries after 408, 409, 429, 5xx (529 overloaded) and connection errors, honouring
     *                       {@code retry-after}
     * @param stream         stream the answer (files are reported as they are written); recommended
     */
    public record Anthropic(
            String apiKey,
            String baseUrl,
            @NotBlank @DefaultValue("claude-sonnet-4-5") String model,
            @Min(256) @DefaultValue("16000") int maxTokens,
            @NotNull @DefaultValue("PT120S") Duration timeout,
            @NotNull @DefaultValue("PT10M") Duration requestTimeout,
            @Min(0) @Max(10) @DefaultValue("2") int maxRetries,
            @DefaultValue("true") boolean stream) {

        /** Whether an API key is configured. */
        public boolean hasApiKey() {
            return apiKey != null && !apiKey.isBlank();
        }

        @Override
        public String toString() {
            return "Anthropic[apiKey=" + (hasApiKey() ? "(set)" : "(none)") + ", baseUrl=" + baseUrl + ", model="
                    + model + ", maxTokens=" + maxTokens + ", timeout=" + timeout + ", requestTimeout="
                    + requestTimeout + ", maxRetries=" + maxRetries + ", stream=" + stream + "]";
        }
    }

    /**
     * The OpenAI-compatible engine.
     *
     * @param baseUrl        server base URL ({@code OPENAI_BASE_URL}), with or without the trailing {@code /v1}:
     *                       {@code http://localhost:11434/v1} for Ollama
     * @param apiKey         bearer token ({@code OPENAI_API_KEY}); blank sends no {@code Authorization} header
     * @param model          model name ({@code OPENAI_MODEL})
     * @param maxTokens      output limit sent as {@code max_tokens}; 0 leaves it to the server
     * @param timeout        longest silence while waiting for the answer (between two streamed chunks; without
     *                       streaming, until the whole answer arrives)
     * @param requestTimeout longest one attempt may take in all
     * @param maxRetries     retries after 408, 429, 5xx and connection errors, honouring {@code Retry-After}
     * @param stream         stream the answer; turn off for servers that cannot stream tool calls
     */
    public record OpenAi(
            String baseUrl,
            String apiKey,
            @NotBlank @DefaultValue("llama3.1") String model,
            @Min(0) @DefaultValue("0") int maxTokens,
            @NotNull @DefaultValue("PT300S") Duration timeout,
            @NotNull @DefaultValue("PT15M") Duration requestTimeout,
            @Min(0) @Max(10) @DefaultValue("2") int maxRetries,
            @DefaultValue("true") boolean stream) {

        /** Whether a base URL is configured. */
        public boolean hasBaseUrl() {
            return baseUrl != null && !baseUrl.isBlank();
        }

        /** Whether an API key is configured. */
        public boolean hasApiKey() {
            return apiKey != null && !apiKey.isBlank();
        }

        @Override
        public String toString() {
            return "OpenAi[baseUrl=" + baseUrl + ", apiKey=" + (hasApiKey() ? "(set)" : "(none)") + ", model="
                    + model + ", maxTokens=" + maxTokens + ", timeout=" + timeout + ", requestTimeout="
                    + requestTimeout + ", maxRetries=" + maxRetries + ", stream=" + stream + "]";
        }
    }

    /**
     * USD per million tokens.
     *
     * @param input        uncached input
     * @param cacheWrite5m input written to the 5-minute prompt cache
     * @param cacheRead    input read from the prompt cache
     * @param output       output
     */
    public record Price(double input, double cacheWrite5m, double cacheRead, double output) {

        /** No cost: models without a price entry. */
        public static final Price FREE = new Price(0, 0, 0, 0);

        /** The cost of one attempt in US dollars. */
        public double costUsd(long inputTokens, long outputTokens, long cacheWriteTokens, long cacheReadTokens) {
            return (inputTokens * input + cacheWriteTokens * cacheWrite5m + cacheReadTokens * cacheRead
                    + outputTokens * output) / 1_000_000d;
        }
    }
}
