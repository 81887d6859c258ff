package ai.spawn.generation.blueprint;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.CodeGenerator;
import ai.spawn.generation.Example;
import ai.spawn.generation.GenerationInfo;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.Runtime;
import ai.spawn.generation.UnsupportedPromptException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The offline, deterministic generator: recognises what a prompt asks for among a catalog of blueprints (web apps
 * such as todo lists, habit trackers and games; APIs such as CRUD, a URL shortener or a webhook inbox; run-once
 * scripts), reads the name, colours, data fields and other details it mentions, and fills that blueprint's
 * templates. No network and no randomness: the same conversation always gives the same files.
 *
 * <p>Follow-up edits of an app it made keep the blueprint (unless the message names another one or asks for Python
 * or Node.js) and apply what the message says about name, colours, theme, fields and the blueprint's own details;
 * the bundle records the messages it was made from ({@value Manifest#PATH}). Thread-safe; templates are parsed once,
 * at construction.
 *
 * <p>Errors: {@link UnsupportedPromptException} for a blank prompt, a prompt no blueprint fits (its message lists
 * what can be built and how to enable a model), a fix request, or a follow-up it cannot express (its message says
 * what it can change).
 */
@Component
public class BlueprintCodeGenerator implements CodeGenerator {

    static final String ENGINE = "blueprint";

    private static final Logger log = LoggerFactory.getLogger(BlueprintCodeGenerator.class);
    private static final String MODEL_HINT =
            " Set ANTHROPIC_API_KEY (Claude) or OPENAI_BASE_URL (Ollama, vLLM, OpenAI) for free-form apps.";
    private static final String EDIT_HINT =
            " Set ANTHROPIC_API_KEY (Claude) or OPENAI_BASE_URL (Ollama, vLLM, OpenAI) for free-form edits.";

    private final BlueprintCatalog catalog;
    private final TemplateLibrary library;
    private final IntentMatcher matcher;
    private final TitleExtractor titles;
    private final FollowUp followUp;
    private final String fingerprint;

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
            vocabulary.addAll(b.intent().keywords());
        }
        this.titles = new TitleExtractor(vocabulary);
        this.followUp = new FollowUp(matcher, titles);
        this.fingerprint = fingerprint(catalog, library);
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    /** The catalog's fingerprint: a cached bundle from other templates is never reused. */
    @Override
    public String promptVersion() {
        return fingerprint;
    }

    @Override
    public List<Example> examples() {
        return catalog.examples();
    }

    @Override
    public AppBundle generate(GenerationRequest request, GenerationListener listener) {
        long started = System.nanoTime();
        if (request.failure() != null) {
            throw new UnsupportedPromptException("The offline generator cannot repair an app from its error output."
                    + MODEL_HINT);
        }
        PromptText latest = PromptText.of(request.prompt());
        if (latest.isBlank()) {
            throw new UnsupportedPromptException("Describe the app you want, for example \"a todo list\" or "
                    + "\"a REST API for books with title, author and year\".");
        }
        AppBundle current = request.current();
        Plan plan = current == null ? create(latest) : edit(request, latest, current);
        listener.progress("matched blueprint " + plan.blueprint().name());
        Map<String, String> values = values(plan.blueprint(), plan.facts());
        Map<String, String> files = render(plan.blueprint(), values, listener);
        files.put(Manifest.PATH, plan.manifest().json());
        listener.fileWritten(Manifest.PATH);
        long millis = (System.nanoTime() - started) / 1_000_000;
        String summary = current == null ? plan.blueprint().description() + runtimeNote(plan.blueprint(), latest)
                : changes(plan, values);
        log.debug("blueprint {} rendered {} files in {} ms", plan.blueprint().name(), files.size(), millis);
        return new AppBundle(values.get("title"), plan.blueprint().runtime(), files, null, plan.blueprint().start(),
                Blueprint.PORT, GenerationInfo.offline(ENGINE, plan.blueprint().name(), millis), summary);
    }

    /** What to render: a blueprint, the conversation it reads, and the note the bundle will carry. */
    private record Plan(Blueprint blueprint, PromptFacts facts, Manifest manifest, Blueprint previous,
                        PromptFacts previousFacts) {
    }

    private Plan create(PromptText prompt) {
        Blueprint blueprint = matcher.match(prompt).map(IntentMatcher.Match::blueprint)
                .orElseThrow(() -> new UnsupportedPromptException(catalog.refusal()));
        PromptFacts facts = facts(List.of(prompt.original()));
        return new Plan(blueprint, facts, new Manifest(blueprint.name(), List.of(prompt.original())), null, null);
    }

    private Plan edit(GenerationRequest request, PromptText latest, AppBundle current) {
        if (!ENGINE.equals(current.origin().engine())) {
            throw new UnsupportedPromptException("The offline generator can only edit apps it built." + EDIT_HINT);
        }
        Blueprint previous = catalog.byName(current.origin().model())
                .orElseThrow(() -> new UnsupportedPromptException("This app was built by a blueprint that no longer"
                        + " exists." + EDIT_HINT));
        // apps made before bundles carried their messages: the conversation's earlier messages stand in
        Manifest before = Manifest.of(current).orElseGet(() -> new Manifest(previous.name(), request.history()));
        Blueprint blueprint = matcher.match(latest).filter(IntentMatcher.Match::named)
                .map(IntentMatcher.Match::blueprint)
                .filter(named -> !family(named).equals(family(previous)))
                .orElse(previous);
        Optional<Boolean> python = FollowUp.runtime(latest);
        if (python.isPresent()) {
            blueprint = catalog.variant(blueprint, python.get()).orElse(blueprint);
        }
        Optional<String> unsupported = followUp.unsupported(latest, blueprint);
        if (unsupported.isPresent()) {
            throw new UnsupportedPromptException(cannotEdit(blueprint, unsupported.get()));
        }
        Manifest after = before.with(blueprint.name(), latest.original());
        return new Plan(blueprint, facts(after.messages()), after, previous,
                before.messages().isEmpty() ? null : facts(before.messages()));
    }

    private PromptFacts facts(List<String> oldestFirst) {
        List<PromptText> newestFirst = new ArrayList<>();
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            newestFirst.add(PromptText.of(oldestFirst.get(i)));
        }
        return new PromptFacts(newestFirst, titles::extract);
    }

    private Map<String, String> values(Blueprint blueprint, PromptFacts facts) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", facts.title(blueprint.titleSources()).map(Title::text).orElse(blueprint.defaultTitle()));
        Palette palette = facts.palette(blueprint.defaultAccent());
        values.put("accent", palette.accent());
        values.put("accent2", palette.accent2());
        values.put("onAccent", palette.onAccent());
        values.put("theme", facts.theme());
        values.put("blueprint", blueprint.name());
        blueprint.contributor().contribute(facts, values);
        return values;
    }

    private Map<String, String> render(Blueprint blueprint, Map<String, String> values, GenerationListener listener) {
        Map<String, String> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : blueprint.files().entrySet()) {
            files.put(file.getKey(), library.get(file.getValue()).render(values));
            listener.fileWritten(file.getKey());
        }
        return files;
    }

    /** The follow-up's summary: what differs from the version it edits. */
    private String changes(Plan plan, Map<String, String> values) {
        List<String> changed = new ArrayList<>();
        if (!plan.blueprint().name().equals(plan.previous().name())) {
            changed.add(plan.blueprint().runtime() != plan.previous().runtime()
                    && catalog.variant(plan.previous(), plan.blueprint().runtime() == Runtime.PYTHON).isPresent()
                    ? "now runs on " + (plan.blueprint().runtime() == Runtime.PYTHON ? "Python" : "Node.js")
                    : "rebuilt as " + plan.blueprint().defaultTitle().toLowerCase(java.util.Locale.ROOT));
        }
        if (plan.previousFacts() == null) {
            return "Updated: " + TitleExtractor.clean(plan.facts().latest().original()) + ".";
        }
        Map<String, String> before = plan.previous().name().equals(plan.blueprint().name())
                ? values(plan.blueprint(), plan.previousFacts()) : Map.of();
        if (!before.isEmpty()) {
            if (!before.get("title").equals(values.get("title"))) {
                changed.add("renamed to \"" + values.get("title") + "\"");
            }
            if (!before.get("accent").equals(values.get("accent"))
                    || !before.get("accent2").equals(values.get("accent2"))) {
                changed.add("accent colour " + values.get("accent"));
            }
            if (!before.get("theme").equals(values.get("theme"))) {
                changed.add(values.get("theme").equals("auto") ? "theme follows the device"
                        : values.get("theme") + " theme");
            }
            for (String key : values.keySet()) {
                if (!Set.of("title", "accent", "accent2", "onAccent", "theme").contains(key)
                        && !values.get(key).equals(before.get(key))) {
                    changed.add(describe(key));
                }
            }
        }
        if (changed.isEmpty()) {
            return "Nothing to change: the app already looks like that.";
        }
        String text = String.join("; ", changed.stream().distinct().toList());
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    private static String describe(String key) {
        return switch (key) {
            case "fieldsJson", "extraFieldsJson", "exampleJson" -> "fields updated";
            case "columnsJson" -> "columns updated";
            case "optionsJson", "question" -> "poll updated";
            case "citiesJson" -> "cities updated";
            default -> "details updated";
        };
    }

    /** The Node.js name of a blueprint that has a Python variant ("todo" for "todo-py"), else its own name. */
    private String family(Blueprint blueprint) {
        return catalog.variant(blueprint, false).orElse(blueprint).name();
    }

    private String runtimeNote(Blueprint blueprint, PromptText prompt) {
        if (blueprint.runtime() == Runtime.NODE && FollowUp.runtime(prompt).orElse(false)) {
            return " Built with Node.js: the offline engine makes " + catalog.pythonVariants() + " and scripts in"
                    + " Python.";
        }
        return "";
    }

    private String cannotEdit(Blueprint blueprint, String clause) {
        StringBuilder can = new StringBuilder("The offline generator can change an app's name (\"call it …\"), its"
                + " colours (\"make the header blue\"), light or dark theme (\"use dark mode\")");
        switch (blueprint.fields()) {
            case ENTITY, EXTRAS -> can.append(", its fields (\"add a due date field\", \"remove the notes field\")");
            default -> { }
        }
        String own = switch (blueprint.name()) {
            case "kanban" -> ", its columns (\"columns backlog, doing and done\")";
            case "poll" -> ", its question and options (\"options pizza, sushi and tacos\")";
            case "worldclock" -> ", its cities (\"add Paris\")";
            case "habits" -> ", its habits (\"habits: reading, running and yoga\")";
            case "expenses" -> ", its currency, categories and budget (\"use euros\")";
            case "countdown" -> ", its date (\"count down to March 3\")";
            case "quiz" -> ", its topic (\"make it about history\")";
            case "converter" -> ", the units it opens on";
            case "password" -> ", the default length (\"24 characters\")";
            case "portfolio" -> ", the role and contact (\"a designer\", \"me@example.com\")";
            default -> blueprint.kind() == Blueprint.Kind.SCRIPT ? ", its numbers (\"the first 500\", \"up to 50\")"
                    : "";
        };
        can.append(own);
        boolean variant = catalog.variant(blueprint, blueprint.runtime() != Runtime.PYTHON).isPresent();
        can.append(variant ? ", its runtime (\"in Python\", \"in Node.js\")" : "");
        can.append(", or turn it into another app it builds; it cannot do \"").append(TitleExtractor.clean(clause))
                .append("\".").append(EDIT_HINT);
        return can.toString();
    }

    private static String fingerprint(BlueprintCatalog catalog, TemplateLibrary library) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String data : BlueprintCatalog.DATA_FILES) {
                sha.update(library.text(data).getBytes(StandardCharsets.UTF_8));
            }
            for (Blueprint b : catalog.all()) {
                sha.update(b.name().getBytes(StandardCharsets.UTF_8));
                for (Map.Entry<String, String> f : b.files().entrySet()) {
                    sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                    sha.update(library.text(f.getValue()).getBytes(StandardCharsets.UTF_8));
                    library.get(f.getValue());
                }
            }
            return "catalog-" + HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
