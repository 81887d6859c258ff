package ai.spawn.generation.blueprint;

import ai.spawn.generation.Example;
import ai.spawn.generation.Runtime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every blueprint the offline generator knows, in tie-break order (earlier wins a tie, so broad blueprints such as
 * the landing page come last). Adding one: a folder {@code blueprints/<name>/} holding its files and an entry in
 * one of the group classes ({@link ProductivityBlueprints}, {@link ToolBlueprints}, {@link FunBlueprints},
 * {@link ServiceBlueprints}, {@link ScriptBlueprints}). Node apps get the shared {@code lib/web.js} and
 * {@code lib/store.js}, Python apps {@code lib/web.py}; every app gets the shared {@code base.css} theme. Immutable
 * and thread-safe.
 */
final class BlueprintCatalog {

    private static final String MODEL_HINT = "Set ANTHROPIC_API_KEY (Claude) or OPENAI_BASE_URL (Ollama, vLLM,"
            + " OpenAI) for free-form apps.";

    /** Data files the blueprints' values read (not templates); part of the catalog's fingerprint. */
    static final List<String> DATA_FILES = List.of("landing/kinds.json", "quiz/topics.json", "portfolio/roles.json",
            "worldclock/cities.json");

    private final List<Blueprint> blueprints;

    BlueprintCatalog(TemplateLibrary library) {
        List<Blueprint> all = new ArrayList<>();
        all.addAll(ProductivityBlueprints.all(library));
        all.addAll(ToolBlueprints.all(library));
        all.addAll(FunBlueprints.all(library));
        all.addAll(ScriptBlueprints.all());
        all.addAll(ServiceBlueprints.all());
        all.add(landing(library));
        Set<String> names = new HashSet<>();
        for (Blueprint b : all) {
            if (!names.add(b.name())) {
                throw new IllegalStateException("two blueprints named " + b.name());
            }
        }
        this.blueprints = List.copyOf(all);
    }

    private static Blueprint landing(TemplateLibrary library) {
        return Blueprint.builder("landing", Blueprint.Kind.WEB_APP).summary("landing pages")
                .description("A landing page with a hero, three features, an about section and contact details.")
                .example("Landing page", "a landing page for my bakery Sweet Crumbs in Berlin")
                .intent(Intent.builder()
                        .strong("landing page", "homepage", "home page", "one pager", "one page site",
                                "splash page", "marketing page", "promo page", "business page")
                        .weigh(6, "website", "web site", "landing", "webpage")
                        .weigh(4, "site")
                        .weigh(3, "business", "company", "startup", "brand", "bakery", "cafe", "restaurant", "shop",
                                "salon", "agency", "gym", "studio", "hotel", "clinic", "charity")
                        .weigh(2, "page")
                        .build())
                .titles(EnumSet.allOf(Title.Source.class))
                .defaults("Welcome", "#db2777")
                .contributor(new LandingValues(library.text("landing/kinds.json")))
                .staticFiles().build();
    }

    List<Blueprint> all() {
        return blueprints;
    }

    Optional<Blueprint> byName(String name) {
        return blueprints.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /**
     * The same app on the other runtime: the Python variant of a Node.js blueprint ({@code python} true) or the
     * Node.js original of a Python variant; empty when there is none.
     */
    Optional<Blueprint> variant(Blueprint blueprint, boolean python) {
        String base = blueprint.name().endsWith("-py") ? blueprint.name().substring(0, blueprint.name().length() - 3)
                : blueprint.name();
        Optional<Blueprint> target = byName(python ? base + "-py" : base);
        return target.filter(t -> t.runtime() == (python ? Runtime.PYTHON : Runtime.NODE));
    }

    /** One working prompt per blueprint: web apps, then APIs, then scripts; Python variants after the others. */
    List<Example> examples() {
        List<Example> out = new ArrayList<>();
        for (Blueprint.Kind kind : Blueprint.Kind.values()) {
            blueprints.stream().filter(b -> b.kind() == kind && !b.pythonVariant()).map(Blueprint::example)
                    .forEach(out::add);
            blueprints.stream().filter(b -> b.kind() == kind && b.pythonVariant()).map(Blueprint::example)
                    .forEach(out::add);
        }
        return List.copyOf(out);
    }

    /** The user-facing refusal: what the offline generator builds and how to get more. */
    String refusal() {
        return "The offline generator cannot build this yet. It builds web apps: " + list(Blueprint.Kind.WEB_APP)
                + " (" + pythonVariants() + " also in Python); APIs: " + list(Blueprint.Kind.API)
                + "; and run-once scripts: " + list(Blueprint.Kind.SCRIPT) + ". " + MODEL_HINT;
    }

    /** What the Python variants make, as a list ("todo lists, notes and guestbooks"). */
    String pythonVariants() {
        return join(blueprints.stream().filter(Blueprint::pythonVariant)
                .map(b -> variant(b, false).map(Blueprint::summary).orElse(b.defaultTitle())).toList());
    }

    private String list(Blueprint.Kind kind) {
        return join(blueprints.stream().filter(b -> b.kind() == kind && b.summary() != null)
                .map(Blueprint::summary).toList());
    }

    private static String join(List<String> names) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            list.append(i == 0 ? "" : i == names.size() - 1 ? " and " : ", ").append(names.get(i));
        }
        return list.toString();
    }
}
