package ai.spawn.generation.blueprint;

import ai.spawn.generation.blueprint.Blueprint.Kind;
import java.util.List;
import java.util.Set;

/** The catalog's small tools that run in the browser: timers, clocks, calculators, converters, generators. */
final class ToolBlueprints {

    private ToolBlueprints() {
    }

    static List<Blueprint> all(TemplateLibrary library) {
        return List.of(
                Blueprint.builder("pomodoro", Kind.WEB_APP).summary("pomodoro timers")
                        .description("A pomodoro timer with focus sessions, short and long breaks, a sound when"
                                + " time is up and settings kept in this browser.")
                        .example("Pomodoro timer", "a pomodoro timer with a short and a long break")
                        .intent(Intent.builder()
                                .strong("pomodoro", "focus timer", "study timer", "work timer", "tomato timer",
                                        "productivity timer")
                                .weigh(5, "timer")
                                .weigh(3, "focus", "break", "study session")
                                .build())
                        .defaults("Pomodoro timer", "#dc2626").staticFiles().build(),
                Blueprint.builder("stopwatch", Kind.WEB_APP).summary("stopwatches")
                        .description("A stopwatch with laps, best and worst lap, keyboard shortcuts; it keeps"
                                + " running across reloads.")
                        .example("Stopwatch", "a stopwatch with laps")
                        .intent(Intent.builder()
                                .strong("stopwatch", "stop watch", "chronometer")
                                .weigh(7, "lap timer", "split timer")
                                .weigh(5, "lap", "laps")
                                .weigh(3, "elapsed", "race")
                                .build())
                        .defaults("Stopwatch", "#ea580c").staticFiles().build(),
                Blueprint.builder("countdown", Kind.WEB_APP).summary("countdowns")
                        .description("A countdown to a date or for a duration, with days, hours, minutes and"
                                + " seconds; the target can be changed on the page.")
                        .example("Countdown", "a countdown to New Year")
                        .intent(Intent.builder()
                                .strong("countdown", "count down", "days until", "days left", "days till",
                                        "countdown timer", "time until", "time left", "days to go")
                                .weigh(5, "until", "till")
                                .weigh(3, "new year", "christmas", "birthday", "launch", "wedding", "vacation",
                                        "holiday", "deadline", "event")
                                .build())
                        .titles(Set.of(Title.Source.EXPLICIT))
                        .defaults("Countdown", "#7c3aed").contributor(new CountdownValues()).staticFiles().build(),
                Blueprint.builder("worldclock", Kind.WEB_APP).summary("world clocks")
                        .description("A world clock: the time in the cities you pick, with day or night and the"
                                + " difference to your own time.")
                        .example("World clock", "a world clock for London, Tokyo and New York")
                        .intent(Intent.builder()
                                .strong("world clock", "world time", "time zone", "time zones", "timezone",
                                        "time zone converter", "clocks", "international time")
                                .weigh(6, "clock")
                                .weigh(3, "cities", "zone", "utc", "gmt")
                                .build())
                        .titles(Set.of(Title.Source.EXPLICIT))
                        .defaults("World clock", "#0369a1")
                        .contributor(new WorldClockValues(library.text("worldclock/cities.json")))
                        .staticFiles().build(),
                Blueprint.builder("calculator", Kind.WEB_APP).summary("calculators")
                        .description("A calculator with brackets, percent, keyboard input and a history kept in"
                                + " this browser.")
                        .example("Calculator", "a calculator with history")
                        .intent(Intent.builder()
                                .strong("calculator", "calc", "adding machine")
                                .weigh(5, "arithmetic", "calculate")
                                .weigh(3, "math", "maths", "add", "subtract", "multiply", "divide")
                                .build())
                        .defaults("Calculator", "#2563eb").staticFiles().build(),
                Blueprint.builder("converter", Kind.WEB_APP).summary("unit converters")
                        .description("A unit converter for length, mass, temperature, volume, speed, area, data"
                                + " and time, converting as you type.")
                        .example("Unit converter", "a unit converter for temperature, length and weight")
                        .intent(Intent.builder()
                                .strong("unit converter", "converter", "conversion", "convert units",
                                        "unit conversion", "metric to imperial", "celsius to fahrenheit",
                                        "fahrenheit to celsius", "km to miles", "miles to km")
                                .weigh(5, "convert", "units", "unit")
                                .weigh(3, "metric", "imperial", "celsius", "fahrenheit", "kilograms", "miles")
                                .build())
                        .defaults("Unit converter", "#0d9488").contributor(new ConverterValues())
                        .staticFiles("units.js").build(),
                Blueprint.builder("password", Kind.WEB_APP).summary("password generators")
                        .description("A password and passphrase generator using the browser's secure random"
                                + " numbers, with a strength estimate and one-click copy.")
                        .example("Password generator", "a random password generator")
                        .intent(Intent.builder()
                                .strong("password", "passphrase", "password generator", "random password",
                                        "diceware", "passcode")
                                .weigh(3, "generator", "secure", "random", "strong")
                                .build())
                        .defaults("Password generator", "#1d4ed8").contributor(new PasswordValues())
                        .staticFiles("generator.js").build());
    }
}
