package ai.spawn.generation.blueprint;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.CodeGenerator;
import ai.spawn.generation.GenerationInfo;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.UnsupportedPromptException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The offline, deterministic generator: recognises what a prompt asks for among a catalog of blueprints (todo list,
 * notes, kanban, CRUD API, landing page, pomodoro, calculator, tic-tac-toe), reads the name, colours and data
 * fields it mentions, and fills that blueprint's templates. No network and no randomness: the same conversation
 * always gives the same files.
 *
 * <p>Follow-up edits of an app it made keep the blueprint (unless the message names another one outright) and apply
 * what the newest message says about name, colours and fields. Thread-safe; templates are parsed once, at
 * construction.
 *
 * <p>Errors: {@link UnsupportedPromptException} for a blank prompt, a prompt no blueprint fits (its message lists
 * what can be built and how to enable a model), a fix request, or a follow-up it cannot express.
 */
@Component
public class BlueprintCodeGenerator implements CodeGenerator {

    static final String ENGINE = "blueprint";

    private static final Logger log = LoggerFactory.getLogger(BlueprintCodeGenerator.class);
    private static final String MODEL_HINT =
            " Set ANTHROPIC_API_KEY (Claude) or OPENAI_BASE_URL (Ollama, vLLM, OpenAI) for free-form apps.";

    private final BlueprintCatalog catalog;
    private final TemplateLibrary library;
    private final IntentMatcher matcher;
    private final TitleExtractor titles;

    /** A generator over the built-in catalog, loading templates from this class's class loader. */
    @Autowired
    public BlueprintCodeGenerator() {
        this(new TemplateLibrary(BlueprintCodeGenerator.class.getClassLoader()));
    }

    BlueprintCodeGenerator(TemplateLibrary library) {
        this.library = library;
        this.catalog = new BlueprintCatalog(library);
        this.matcher = new IntentMatcher(catalog.all());
        Set<String> vocabulary = new HashSet<>();
        for (Blueprint b : catalog.all()) {
            vocabulary.add(b.name());
            for (String phrase : b.intent().keywords()) {
                vocabulary.add(phrase);
            }
        }
        this.titles = new TitleExtractor(vocabulary);
        for (Blueprint b : catalog.all()) {
            b.files().values().forEach(library::get);
        }
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    @Override
    public AppBundle generate(GenerationRequest request, GenerationListener listener) {
        long started = System.nanoTime();
        if (request.failure() != null) {
            throw new UnsupportedPromptException("The offline generator cannot repair an app from its error output."
                    + MODEL_HINT);
        }
        PromptFacts facts = facts(request);
        if (facts.latest().isBlank()) {
            throw new UnsupportedPromptException("Describe the app you want, for example \"a todo list\" or "
                    + "\"a REST API for books with title, author and year\".");
        }
        Blueprint blueprint = choose(request, facts);
        listener.progress("matched blueprint " + blueprint.name());
        Map<String, String> values = values(blueprint, facts);
        Map<String, String> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : blueprint.files().entrySet()) {
            files.put(file.getKey(), library.get(file.getValue()).render(values));
            listener.fileWritten(file.getKey());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        AppBundle bundle = new AppBundle(values.get("title"), blueprint.runtime(), files, null, blueprint.start(),
                Blueprint.PORT, GenerationInfo.offline(ENGINE, blueprint.name(), millis));
        if (request.current() != null && bundle.files().equals(request.current().files())) {
            throw new UnsupportedPromptException("The offline generator can change an app's name, colours and data"
                    + " fields, or build another kind of app; it cannot make other edits." + MODEL_HINT);
        }
        log.debug("blueprint {} rendered {} files in {} ms", blueprint.name(), files.size(), millis);
        return bundle;
    }

    private PromptFacts facts(GenerationRequest request) {
        List<PromptText> messages = new ArrayList<>();
        messages.add(PromptText.of(request.prompt()));
        if (request.current() != null) {
            List<String> history = request.history();
            for (int i = history.size() - 1; i >= 0; i--) {
                messages.add(PromptText.of(history.get(i)));
            }
        }
        return new PromptFacts(messages, titles::extract);
    }

    private Blueprint choose(GenerationRequest request, PromptFacts facts) {
        if (request.current() == null) {
            return matcher.match(facts.latest())
                    .map(IntentMatcher.Match::blueprint)
                    .orElseThrow(() -> new UnsupportedPromptException(catalog.refusal()));
        }
        if (!ENGINE.equals(request.current().origin().engine())) {
            throw new UnsupportedPromptException("The offline generator can only edit apps it built." + MODEL_HINT);
        }
        Blueprint current = catalog.byName(request.current().origin().model())
                .orElseThrow(() -> new UnsupportedPromptException("This app was built by a blueprint that no longer"
                        + " exists." + MODEL_HINT));
        return matcher.match(facts.latest())
                .filter(IntentMatcher.Match::named)
                .map(IntentMatcher.Match::blueprint)
                .orElse(current);
    }

    private Map<String, String> values(Blueprint blueprint, PromptFacts facts) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", facts.title(blueprint.titleSources()).map(Title::text).orElse(blueprint.defaultTitle()));
        Palette palette = facts.palette(blueprint.defaultAccent());
        values.put("accent", palette.accent());
        values.put("accent2", palette.accent2());
        values.put("onAccent", palette.onAccent());
        values.put("theme", palette.dark() ? "dark" : "auto");
        values.put("blueprint", blueprint.name());
        blueprint.contributor().contribute(facts, values);
        return values;
    }
}
