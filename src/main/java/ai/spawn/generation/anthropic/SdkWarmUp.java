package ai.spawn.generation.anthropic;

import java.util.List;

import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.model.DeliverAppParser;
import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the SDK off the request path: serializes one request and reads one canned answer stream with the SDK's
 * own (shared) Jackson 2 mapper, so that its model classes are loaded and its serializers and deserializers built
 * before the first generation needs them. Without it the first app after start-up pays about 3 s for this on the
 * 2-core development machine (serializing the first request ~1.8 s, reading the first stream ~1.2 s; see
 * {@code bench/claude}). Nothing goes over the network, no listener sees anything. Failures are logged at debug
 * level and otherwise ignored: the warm-up only saves time. Runs once per call on its own daemon thread.
 */
final class SdkWarmUp {

    private static final Logger log = LoggerFactory.getLogger(SdkWarmUp.class);
    private static final String TOOL_INPUT = "{\"title\":\"Warm-up\",\"runtime\":\"node\",\"start\":\"node server.js\","
            + "\"port\":3000,\"files\":[{\"path\":\"server.js\",\"content\":\"require('http').createServer((q, r) => "
            + "r.end('ok')).listen(process.env.PORT || 3000, '0.0.0.0');\\n\"}]}";

    private SdkWarmUp() {
    }

    /** Starts the warm-up on a daemon thread of minimum priority and returns that thread. */
    static Thread inBackground(AnthropicRequests requests, String model) {
        Thread thread = new Thread(() -> run(requests, model), "anthropic-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return thread;
    }

    /** The warm-up itself, on the calling thread; {@code true} when every step ran. */
    static boolean run(AnthropicRequests requests, String model) {
        long t0 = System.nanoTime();
        try {
            ObjectMappers.jsonMapper().writeValueAsString(requests.params(GenerationRequest.newApp("a todo list"))
                    ._body());
            StreamedAnswer stream = new StreamedAnswer(GenerationListener.NONE);
            for (String event : events(model)) {
                stream.accept(ObjectMappers.jsonMapper().readValue(event, RawMessageStreamEvent.class));
            }
            new DeliverAppParser().parse(stream.answer(model).toolInput(), null);
            log.debug("the Anthropic SDK is warmed up ({} ms)", (System.nanoTime() - t0) / 1_000_000);
            return true;
        } catch (JsonProcessingException | RuntimeException e) {
            log.debug("warming up the Anthropic SDK failed; the first generation will do it", e);
            return false;
        }
    }

    /** A streamed {@code deliver_app} answer as the Messages API sends it, one JSON object per event. */
    private static List<String> events(String model) {
        String usage = "\"usage\":{\"input_tokens\":10,\"output_tokens\":1,\"cache_creation_input_tokens\":0,"
                + "\"cache_read_input_tokens\":0}";
        String half = TOOL_INPUT.substring(0, TOOL_INPUT.length() / 2);
        String rest = TOOL_INPUT.substring(half.length());
        return List.of(
                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_warm_up\",\"type\":\"message\",\"role\":"
                        + "\"assistant\",\"model\":\"" + model + "\",\"content\":[],\"stop_reason\":null,"
                        + "\"stop_sequence\":null," + usage + "}}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":"
                        + "\"toolu_warm_up\",\"name\":\"deliver_app\",\"input\":{}}}",
                delta(half),
                delta(rest),
                "{\"type\":\"content_block_stop\",\"index\":0}",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},"
                        + "\"usage\":{\"output_tokens\":40}}",
                "{\"type\":\"message_stop\"}");
    }

    private static String delta(String partialJson) {
        try {
            return "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\","
                    + "\"partial_json\":" + ObjectMappers.jsonMapper().writeValueAsString(partialJson) + "}}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string could not be written as JSON", e);
        }
    }
}
