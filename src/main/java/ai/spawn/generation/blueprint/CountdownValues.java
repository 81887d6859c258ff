package ai.spawn.generation.blueprint;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template values of the countdown: what it counts down to — a date ("2026-01-01", "March 3rd", "25 December
 * 2026"), a yearly day ("Christmas", "New Year") or a duration ("10 minutes") — and the event's name ("a countdown
 * to my wedding on June 14" → "My wedding"). The generator never reads the clock: yearly days are resolved to the
 * next occurrence in the browser. Stateless and thread-safe.
 */
final class CountdownValues implements Blueprint.Contributor {

    /** A yearly day with its usual name. */
    private record Holiday(Pattern words, String name, int month, int day) {
    }

    private static final List<Holiday> HOLIDAYS = List.of(
            new Holiday(Pattern.compile("(?i)\\bnew\\s+year'?s?\\s+eve\\b"), "New Year's Eve", 12, 31),
            new Holiday(Pattern.compile("(?i)\\bnew\\s+year'?s?(?:\\s+day)?\\b"), "New Year", 1, 1),
            new Holiday(Pattern.compile("(?i)\\bchristmas\\s+eve\\b"), "Christmas Eve", 12, 24),
            new Holiday(Pattern.compile("(?i)\\b(?:christmas|xmas)\\b"), "Christmas", 12, 25),
            new Holiday(Pattern.compile("(?i)\\bhalloween\\b"), "Halloween", 10, 31),
            new Holiday(Pattern.compile("(?i)\\bvalentine'?s?(?:\\s+day)?\\b"), "Valentine's Day", 2, 14),
            new Holiday(Pattern.compile("(?i)\\b(?:st\\.?|saint)\\s+patrick'?s?(?:\\s+day)?\\b"), "St Patrick's Day", 3,
                    17),
            new Holiday(Pattern.compile("(?i)\\b(?:independence\\s+day|fourth\\s+of\\s+july|4th\\s+of\\s+july)\\b"),
                    "Independence Day", 7, 4));
    private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final Pattern ISO = Pattern.compile(
            "\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2}))?\\b");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?i)\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTHS + ")\\b\\.?(?:,?\\s+(\\d{4})\\b)?");
    private static final Pattern DURATION = Pattern.compile(
            "(?i)\\b(\\d{1,4})\\s*-?\\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\\b");
    private static final Pattern EVENT = Pattern.compile(
            "(?i)\\b(?:countdown|count\\s+down|days|time|timer|counting\\s+down)\\s+(?:left\\s+)?(?:to|until|till|for|"
                    + "before)\\s+(?:the\\s+)?(.+?)(?=\\s+(?:on|in|at|with|that|which|using|and|starting|from|by)\\b"
                    + "|[,.;:!?(\\n]|$)");
    private static final Set<String> NOT_EVENTS = Set.of("a", "an", "the", "it", "me", "us", "date", "day");

    @Override
    public void contribute(PromptFacts facts, Map<String, String> values) {
        Target target = target(facts);
        values.put("eventName", target.event());
        values.put("targetJson", target.json());
        if (facts.title(Set.of(Title.Source.EXPLICIT)).isEmpty()) {
            values.put("title", target.kind().equals("duration") ? "Timer" : target.event().isEmpty() ? "Countdown"
                    : "Countdown to " + target.event());
        }
    }

    @Override
    public boolean understands(PromptText clause) {
        return !read(clause).kind().equals("none");
    }

    /**
     * What to count down to.
     *
     * @param kind  {@code date}, {@code yearly}, {@code duration} or {@code none} (the user picks a date)
     * @param event display name, may be empty
     * @param json  the target for the page's script
     */
    record Target(String kind, String event, String json) {
    }

    static Target target(PromptFacts facts) {
        for (PromptText m : facts.messages()) {
            Target t = read(m);
            if (!t.kind().equals("none")) {
                return t;
            }
        }
        return new Target("yearly", "New Year", yearly(1, 1));
    }

    static Target read(PromptText message) {
        String text = message.original();
        Optional<String> event = event(text);
        Matcher iso = ISO.matcher(text);
        if (iso.find()) {
            Optional<LocalDate> date = date(iso.group(1), iso.group(2), iso.group(3));
            if (date.isPresent()) {
                int hour = iso.group(4) == null ? 0 : Math.min(23, Integer.parseInt(iso.group(4)));
                int minute = iso.group(5) == null ? 0 : Math.min(59, Integer.parseInt(iso.group(5)));
                return new Target("date", event.orElse(""), String.format(Locale.ROOT,
                        "{\"kind\": \"date\", \"date\": \"%s\", \"hour\": %d, \"minute\": %d}", date.get(), hour,
                        minute));
            }
        }
        for (Pattern p : List.of(MONTH_DAY, DAY_MONTH)) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                boolean monthFirst = p == MONTH_DAY;
                String month = monthFirst ? m.group(1) : m.group(2);
                String day = monthFirst ? m.group(2) : m.group(1);
                Optional<Target> t = monthDay(month, day, m.group(3), event.orElse(""));
                if (t.isPresent()) {
                    return t.get();
                }
            }
        }
        for (Holiday h : HOLIDAYS) {
            if (h.words().matcher(text).find()) {
                return new Target("yearly", event.filter(e -> !h.words().matcher(e).find()).orElse(h.name()),
                        yearly(h.month(), h.day()));
            }
        }
        long seconds = 0;
        Matcher d = DURATION.matcher(text);
        while (d.find()) {
            int n = Integer.parseInt(d.group(1));
            char unit = Character.toLowerCase(d.group(2).charAt(0));
            seconds += unit == 'd' ? n * 86_400L : unit == 'h' ? n * 3600L : unit == 'm' ? n * 60L : n;
        }
        if (seconds > 0) {
            seconds = Math.min(seconds, 30 * 86_400L);
            return new Target("duration", "", "{\"kind\": \"duration\", \"seconds\": " + seconds + "}");
        }
        return new Target("none", event.orElse(""), "{\"kind\": \"none\"}");
    }

    private static Optional<Target> monthDay(String monthName, String dayText, String yearText, String event) {
        int month = month(monthName);
        int day = Integer.parseInt(dayText);
        if (yearText != null) {
            return date(yearText, String.valueOf(month), dayText).map(date -> new Target("date", event,
                    "{\"kind\": \"date\", \"date\": \"" + date + "\", \"hour\": 0, \"minute\": 0}"));
        }
        try {
            MonthDay.of(month, day);
            return Optional.of(new Target("yearly", event, yearly(month, day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String yearly(int month, int day) {
        return "{\"kind\": \"yearly\", \"month\": " + month + ", \"day\": " + day + "}";
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT).substring(0, 3);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(n)
                + 1;
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            int y = Integer.parseInt(year);
            return y < 1970 || y > 9999 ? Optional.empty()
                    : Optional.of(LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The event's display name: "my wedding" → "My wedding"; dates are not names. */
    private static Optional<String> event(String text) {
        Matcher m = EVENT.matcher(text);
        while (m.find()) {
            String name = TitleExtractor.clean(m.group(1));
            if (name.isEmpty() || NOT_EVENTS.contains(name.toLowerCase(Locale.ROOT)) || name.matches("(?i).*\\d.*")
                    || MONTH_DAY.matcher(name).find() || name.length() > 40 || name.split("\\s+").length > 5) {
                continue;
            }
            return Optional.of(Character.toUpperCase(name.charAt(0)) + name.substring(1));
        }
        return Optional.empty();
    }
}
