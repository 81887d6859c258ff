package ai.spawn.generation.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Titles, colours and the landing page's business facts read from prompts. */
class PromptExtractionTest {

    private final TitleExtractor titles = new TitleExtractor(Set.of("todo", "kanban", "landing", "note", "board"));

    private Optional<Title> title(String prompt) {
        return titles.extract(PromptText.of(prompt));
    }

    @Test
    void quotedTextIsAnExplicitTitle() {
        assertThat(title("a todo app called \"Groceries & more\"")).contains(
                new Title("Groceries & more", Title.Source.EXPLICIT));
        assertThat(title("a kanban board 'Sprint 12' for my team")).contains(
                new Title("Sprint 12", Title.Source.EXPLICIT));
        assertThat(title("my mom's recipe notes")).isEmpty();
    }

    @Test
    void textAfterCalledOrNamedIsAnExplicitTitle() {
        assertThat(title("a todo list named Weekend Chores with a blue accent")).contains(
                new Title("Weekend Chores", Title.Source.EXPLICIT));
        assertThat(title("a notes app called ideas")).contains(new Title("ideas", Title.Source.EXPLICIT));
    }

    @Test
    void capitalisedNamesAreFoundButVocabularyIsNot() {
        assertThat(title("a kanban board for Project Phoenix")).contains(
                new Title("Project Phoenix", Title.Source.AFTER_FOR));
        assertThat(title("a landing page for my bakery Sweet Crumbs")).contains(
                new Title("Sweet Crumbs", Title.Source.CAPITALISED));
        assertThat(title("Make a Todo App")).isEmpty();
        assertThat(title("A Blue Kanban Board")).isEmpty();
        assertThat(title("a landing page for a bakery in Berlin")).isEmpty();
    }

    @Test
    void titlesAreCleanedAndBounded() {
        assertThat(title("a todo app called \"  Tabs\tand   spaces  \"")).map(Title::text).contains("Tabs and spaces");
        assertThat(TitleExtractor.clean("x".repeat(100))).hasSize(TitleExtractor.MAX_LENGTH);
    }

    @Test
    void namedColoursMapToReadableShadesInOrder() {
        assertThat(ColourExtractor.colours(PromptText.of("a blue todo app"))).containsExactly("#2563eb");
        assertThat(ColourExtractor.colours(PromptText.of("a todo app in green and gold")))
                .containsExactly("#16a34a", "#b7791f");
        assertThat(ColourExtractor.colours(PromptText.of("accent #FF8800 please"))).containsExactly("#ff8800");
        assertThat(ColourExtractor.colours(PromptText.of("accent #f80"))).containsExactly("#ff8800");
        assertThat(ColourExtractor.colours(PromptText.of("a dark blue board")).get(0))
                .isEqualTo(Palette.mix("#2563eb", "#000000", 0.3));
        assertThat(ColourExtractor.colours(PromptText.of("a todo app"))).isEmpty();
    }

    @Test
    void darkThemeIsAskedForByModeOrBackgroundNotByADarkColour() {
        assertThat(ColourExtractor.darkTheme(PromptText.of("a todo app with dark mode"))).isTrue();
        assertThat(ColourExtractor.darkTheme(PromptText.of("a notes app with a black background"))).isTrue();
        assertThat(ColourExtractor.colours(PromptText.of("a notes app with a black background"))).isEmpty();
        assertThat(ColourExtractor.darkTheme(PromptText.of("a dark green todo app"))).isFalse();
    }

    @Test
    void paletteTextOnAccentFollowsContrast() {
        assertThat(Palette.of("#2563eb", null, false).onAccent()).isEqualTo("#ffffff");
        assertThat(Palette.of("#ca8a04", null, false).onAccent()).isEqualTo("#111827");
        assertThat(Palette.of("#2563eb", "#16a34a", false).accent2()).isEqualTo("#16a34a");
    }

    @Test
    void landingPageFindsKindNameAndPlace() {
        LandingValues landing = new LandingValues(new TemplateLibrary(getClass().getClassLoader())
                .text("landing/kinds.json"));
        java.util.Map<String, String> values = new java.util.HashMap<>(java.util.Map.of("title", "Welcome"));
        landing.contribute(facts("a landing page for my bakery sweet crumbs in Berlin"), values);
        assertThat(values).containsEntry("title", "Sweet Crumbs").containsEntry("kindNoun", "bakery")
                .containsEntry("locationLine", "Find us in Berlin.");

        values.put("title", "Welcome");
        landing.contribute(facts("a website for my coffee shop"), values);
        assertThat(values).containsEntry("title", "Café").containsEntry("kindNoun", "café");

        values.put("title", "Welcome");
        landing.contribute(facts("a landing page"), values);
        assertThat(values).containsEntry("title", "Welcome").containsEntry("kindNoun", "business");
    }

    @Test
    void kanbanColumnsComeFromThePromptOrDefault() {
        assertThat(KanbanValues.columns(facts("a kanban board with columns backlog, doing, review and done")))
                .containsExactly("Backlog", "Doing", "Review", "Done");
        assertThat(KanbanValues.columns(facts("a kanban board"))).isEqualTo(KanbanValues.DEFAULT_COLUMNS);
    }

    private PromptFacts facts(String prompt) {
        return new PromptFacts(List.of(PromptText.of(prompt)), titles::extract);
    }
}
