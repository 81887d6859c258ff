package ai.spawn.generation.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.GenerationInfo;
import ai.spawn.generation.Runtime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the new blueprints read from prompts: dates, options, cities, currencies, topics, fields and clauses. */
class BlueprintValuesTest {

    private final TemplateLibrary library = new TemplateLibrary(getClass().getClassLoader());
    private final TitleExtractor titles = new TitleExtractor(Set.of("countdown", "poll", "portfolio"));

    private PromptFacts facts(String... oldestFirst) {
        List<PromptText> newestFirst = new ArrayList<>();
        for (int i = oldestFirst.length - 1; i >= 0; i--) {
            newestFirst.add(PromptText.of(oldestFirst[i]));
        }
        return new PromptFacts(newestFirst, titles::extract);
    }

    private Map<String, String> values(Blueprint.Contributor contributor, String... messages) {
        Map<String, String> values = new HashMap<>(Map.of("title", "Default"));
        contributor.contribute(facts(messages), values);
        return values;
    }

    @Test
    void countdownReadsDatesYearlyDaysDurationsAndTheEvent() {
        assertThat(CountdownValues.read(PromptText.of("a countdown to 2030-01-01 12:30")).json())
                .isEqualTo("{\"kind\": \"date\", \"date\": \"2030-01-01\", \"hour\": 12, \"minute\": 30}");
        CountdownValues.Target birthday =
                CountdownValues.read(PromptText.of("a countdown to my birthday on March 3rd"));
        assertThat(birthday.json()).isEqualTo("{\"kind\": \"yearly\", \"month\": 3, \"day\": 3}");
        assertThat(birthday.event()).isEqualTo("My birthday");
        assertThat(CountdownValues.read(PromptText.of("days until 14 July 2031")).json()).contains("\"2031-07-14\"");
        CountdownValues.Target xmas = CountdownValues.read(PromptText.of("how many days until christmas"));
        assertThat(xmas.event()).isEqualTo("Christmas");
        assertThat(xmas.json()).isEqualTo("{\"kind\": \"yearly\", \"month\": 12, \"day\": 25}");
        assertThat(CountdownValues.read(PromptText.of("a countdown timer for 1 hour 30 minutes")).json())
                .isEqualTo("{\"kind\": \"duration\", \"seconds\": 5400}");
        assertThat(CountdownValues.read(PromptText.of("a countdown to February 30")).kind()).isEqualTo("none");
        assertThat(values(new CountdownValues(), "a countdown")).containsEntry("title", "Countdown to New Year");
        assertThat(values(new CountdownValues(), "a countdown to my wedding on June 14"))
                .containsEntry("title", "Countdown to My wedding");
    }

    @Test
    void pollReadsItsQuestionAndOptions() {
        Map<String, String> v = values(new PollValues(), "a poll asking 'Best pizza topping?' with options ham,"
                + " mushrooms, pineapple or olives");
        assertThat(v).containsEntry("question", "Best pizza topping?")
                .containsEntry("optionsJson", "[\"Ham\", \"Mushrooms\", \"Pineapple\", \"Olives\"]");
        assertThat(values(new PollValues(), "let people vote between tea or coffee"))
                .containsEntry("optionsJson", "[\"Tea\", \"Coffee\"]");
        assertThat(values(new PollValues(), "a poll about our team lunch"))
                .containsEntry("question", "Team lunch: what's your pick?")
                .containsEntry("optionsJson", "[\"Yes\", \"No\", \"Not sure\"]");
    }

    @Test
    void worldClockFindsKnownCitiesAndFollowsAdditionsAndRemovals() {
        WorldClockValues clock = new WorldClockValues(library.text("worldclock/cities.json"));
        assertThat(clock.cities(facts("a world clock for NYC, new delhi and São Paulo")))
                .containsExactly("New York", "New Delhi", "Sao Paulo");
        assertThat(clock.cities(facts("a world clock"))).isEqualTo(WorldClockValues.DEFAULT_CITIES);
        assertThat(clock.cities(facts("a world clock for London and Tokyo", "add Paris", "remove Tokyo")))
                .containsExactly("London", "Paris");
    }

    @Test
    void expensesReadCurrencyCategoriesAndBudget() {
        assertThat(values(new ExpenseValues(), "an expense tracker in £ with categories rent, food and travel"))
                .containsEntry("currency", "GBP")
                .containsEntry("categoriesJson", "[\"Rent\", \"Food\", \"Travel\"]")
                .containsEntry("budget", "0");
        assertThat(values(new ExpenseValues(), "a budget app with a budget of 1,500 euros"))
                .containsEntry("currency", "EUR").containsEntry("budget", "1500");
        assertThat(values(new ExpenseValues(), "an expense tracker with categories and a monthly total"))
                .containsEntry("currency", "USD")
                .containsEntry("categoriesJson", Escape.jsonArray(ExpenseValues.DEFAULT_CATEGORIES));
    }

    @Test
    void quizPortfolioHabitsAndConverterPickTheirCopy() {
        assertThat(values(new QuizValues(library.text("quiz/topics.json")), "a fun quiz about planets"))
                .containsEntry("topic", "Space").containsEntry("title", "Space quiz");
        assertThat(values(new QuizValues(library.text("quiz/topics.json")), "a quiz"))
                .containsEntry("title", "Quiz time");
        Map<String, String> p = values(new PortfolioValues(library.text("portfolio/roles.json")),
                "a portfolio for Grace Hopper, a UX designer, contact grace@example.org");
        assertThat(p).containsEntry("title", "Grace Hopper").containsEntry("role", "Product designer")
                .containsEntry("email", "grace@example.org").containsEntry("initials", "GH");
        assertThat(HabitValues.habits(facts("a habit tracker for my daily routine")))
                .isEqualTo(HabitValues.DEFAULT_HABITS);
        assertThat(HabitValues.habits(facts("track habits like running, reading and drinking water")))
                .containsExactly("Running", "Reading", "Drinking water");
        assertThat(ConverterValues.category(facts("convert km to miles"))).isEqualTo("length");
        assertThat(ConverterValues.category(facts("a cooking converter for cups and grams"))).isEqualTo("mass");
    }

    @Test
    void fieldEditsAddRemoveAndKeepFeaturesOut() {
        FieldEdits.Change add = FieldEdits.read(PromptText.of("add a due date field to each task"), false);
        assertThat(add.added()).extracting(Field::name, Field::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("dueDate", FieldType.DATE));
        assertThat(FieldEdits.read(PromptText.of("add fields price (number) and stock"), true).added())
                .extracting(Field::name).containsExactly("price", "stock");
        assertThat(FieldEdits.read(PromptText.of("remove the year and isbn fields"), true).removed())
                .containsExactly("year", "isbn");
        assertThat(FieldEdits.read(PromptText.of("add a due date field and make it green"), false).added())
                .extracting(Field::name).containsExactly("dueDate");
        assertThat(FieldEdits.read(PromptText.of("add a login page"), true).isEmpty()).isTrue();
        assertThat(FieldEdits.read(PromptText.of("add drag and drop"), false).isEmpty()).isTrue();
        assertThat(FieldEdits.read(PromptText.of("add a publisher"), false).isEmpty())
                .as("a todo's extras need a data word").isTrue();
        assertThat(FieldEdits.read(PromptText.of("add a publisher"), true).added()).extracting(Field::name)
                .containsExactly("publisher");
        List<Field> fields = List.of(new Field("title", "Title", FieldType.STRING, true),
                new Field("year", "Year", FieldType.INTEGER, true));
        assertThat(FieldEdits.apply(fields, FieldEdits.read(PromptText.of("remove the Year field"), true)))
                .extracting(Field::name).containsExactly("title");
    }

    @Test
    void todoExtrasComeFromTheFirstPromptAndFollowUps() {
        assertThat(TodoValues.extras(facts("a todo list with due dates and priorities")))
                .extracting(Field::name, Field::type).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dueDate", FieldType.DATE),
                        org.assertj.core.groups.Tuple.tuple("priority", FieldType.STRING));
        assertThat(TodoValues.extras(facts("a todo list with a blue accent and dark mode"))).isEmpty();
        assertThat(TodoValues.extras(facts("a todo list with tags", "add an estimate (hours) field",
                "remove the tags field"))).extracting(Field::name).containsExactly("estimate");
    }

    @Test
    void followUpsAreCutIntoClausesAtVerbsAndSentences() {
        assertThat(FollowUp.clauses(PromptText.of("Make it green and call it Chores. Then add a notes field!")))
                .extracting(PromptText::original)
                .containsExactly("Make it green", "call it Chores", "Then", "add a notes field");
        assertThat(FollowUp.clauses(PromptText.of("books with title, author and year"))).hasSize(1);
        assertThat(FollowUp.clauses(PromptText.of("use node.js instead"))).hasSize(1);
        assertThat(FollowUp.runtime(PromptText.of("rewrite it in python"))).contains(true);
        assertThat(FollowUp.runtime(PromptText.of("switch to node.js"))).contains(false);
        assertThat(FollowUp.runtime(PromptText.of("make it green"))).isEmpty();
    }

    @Test
    void themeIsTheNewestMessageThatNamesOne() {
        assertThat(facts("a todo list in dark mode").theme()).isEqualTo("dark");
        assertThat(facts("a todo list in dark mode", "make it blue").theme()).isEqualTo("dark");
        assertThat(facts("a todo list in dark mode", "turn off dark mode").theme()).isEqualTo("light");
        assertThat(facts("a todo list", "make it dark").theme()).isEqualTo("dark");
        assertThat(facts("a todo list", "make it dark blue").theme()).isEqualTo("auto");
        assertThat(facts("a todo list").theme()).isEqualTo("auto");
    }

    @Test
    void theManifestRoundTripsThroughABundleAndIgnoresGarbage() {
        Manifest m = new Manifest("todo", List.of("a todo list")).with("todo", "make it green");
        AppBundle bundle = new AppBundle("t", Runtime.NODE, Map.of(Manifest.PATH, m.json()), null, "node server.js",
                3000, GenerationInfo.offline("blueprint", "todo", 1));
        assertThat(Manifest.of(bundle)).contains(m);
        AppBundle broken = new AppBundle("t", Runtime.NODE, Map.of(Manifest.PATH, "{nope"), null, "node server.js",
                3000, GenerationInfo.offline("blueprint", "todo", 1));
        assertThat(Manifest.of(broken)).isEmpty();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add("message " + i);
        }
        Manifest bounded = new Manifest("todo", many);
        assertThat(bounded.messages()).hasSize(Manifest.MAX_MESSAGES).startsWith("message 0").endsWith("message 99");
    }
}
