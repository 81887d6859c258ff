package ai.spawn.spawn;

import java.util.Map;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.GenerationInfo;
import ai.spawn.generation.Runtime;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Stores bundles as JSON in {@code app_versions}. */
@Component
class BundleJson {

    private final JsonMapper json;

    BundleJson(JsonMapper json) {
        this.json = json;
    }

    String write(AppBundle bundle) {
        return json.writeValueAsString(new Stored(bundle.title(), bundle.runtime().wireName(), bundle.files(),
                bundle.install(), bundle.start(), bundle.port(), bundle.origin(), bundle.summary()));
    }

    AppBundle read(String text) {
        Stored s = json.readValue(text, Stored.class);
        return new AppBundle(s.title(), Runtime.fromWire(s.runtime()), s.files(), s.install(), s.start(), s.port(),
                s.origin(), s.summary());
    }

    record Stored(String title, String runtime, Map<String, String> files, String install, String start, int port,
                  GenerationInfo origin, String summary) { }
}
