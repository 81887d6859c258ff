package ai.spawn.generation.blueprint;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template values of the expense tracker: currency ("in euros", "£"), categories ("categories food, rent and
 * travel") and an optional monthly budget ("a budget of 2000"). Stateless and thread-safe.
 */
final class ExpenseValues implements Blueprint.Contributor {

    static final List<String> DEFAULT_CATEGORIES = List.of(
            "Food", "Transport", "Housing", "Bills", "Fun", "Health", "Shopping", "Other");
    private static final Map<String, String> CURRENCY_WORDS = Map.ofEntries(
            Map.entry("euro", "EUR"), Map.entry("euros", "EUR"), Map.entry("eur", "EUR"), Map.entry("€", "EUR"),
            Map.entry("dollar", "USD"), Map.entry("dollars", "USD"), Map.entry("usd", "USD"), Map.entry("$", "USD"),
            Map.entry("pound", "GBP"), Map.entry("pounds", "GBP"), Map.entry("gbp", "GBP"), Map.entry("£", "GBP"),
            Map.entry("sterling", "GBP"), Map.entry("yen", "JPY"), Map.entry("jpy", "JPY"), Map.entry("¥", "JPY"),
            Map.entry("rupee", "INR"), Map.entry("rupees", "INR"), Map.entry("inr", "INR"), Map.entry("₹", "INR"),
            Map.entry("franc", "CHF"), Map.entry("francs", "CHF"), Map.entry("chf", "CHF"),
            Map.entry("cad", "CAD"), Map.entry("aud", "AUD"), Map.entry("sek", "SEK"), Map.entry("krona", "SEK"),
            Map.entry("kronor", "SEK"), Map.entry("nok", "NOK"), Map.entry("dkk", "DKK"), Map.entry("pln", "PLN"),
            Map.entry("zloty", "PLN"), Map.entry("reais", "BRL"), Map.entry("brl", "BRL"),
            Map.entry("peso", "MXN"), Map.entry("pesos", "MXN"), Map.entry("mxn", "MXN"), Map.entry("krw", "KRW"),
            Map.entry("yuan", "CNY"), Map.entry("rmb", "CNY"), Map.entry("cny", "CNY"));
    private static final Pattern SYMBOL = Pattern.compile("[€$£¥₹]");
    private static final Pattern CATEGORIES = Pattern.compile(
            "\\bcategor(?:y|ies)\\s*(?::|like|such as|for|of|called|named|are)?\\s+(.+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BUDGET = Pattern.compile(
            "\\bbudget\\s+(?:of\\s+|is\\s+|to\\s+)?[€$£¥₹]?\\s?(\\d[\\d,]*(?:\\.\\d+)?)", Pattern.CASE_INSENSITIVE);

    @Override
    public void contribute(PromptFacts facts, Map<String, String> values) {
        values.put("currency", currency(facts));
        values.put("categoriesJson", Escape.jsonArray(categories(facts)));
        values.put("budget", budget(facts));
    }

    @Override
    public boolean understands(PromptText clause) {
        return currencyOf(clause).isPresent() || !categoriesOf(clause).isEmpty()
                || BUDGET.matcher(clause.original()).find();
    }

    static String currency(PromptFacts facts) {
        for (PromptText m : facts.messages()) {
            Optional<String> c = currencyOf(m);
            if (c.isPresent()) {
                return c.get();
            }
        }
        return "USD";
    }

    static List<String> categories(PromptFacts facts) {
        for (PromptText m : facts.messages()) {
            List<String> found = categoriesOf(m);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return DEFAULT_CATEGORIES;
    }

    /** The monthly budget as a JavaScript number, {@code 0} for none. */
    static String budget(PromptFacts facts) {
        for (PromptText m : facts.messages()) {
            Matcher b = BUDGET.matcher(m.original());
            if (b.find()) {
                String digits = b.group(1).replace(",", "");
                double value = Double.parseDouble(digits);
                return value > 0 && value < 1e12 ? digits : "0";
            }
        }
        return "0";
    }

    private static Optional<String> currencyOf(PromptText message) {
        Matcher symbol = SYMBOL.matcher(message.original());
        if (symbol.find()) {
            return Optional.of(CURRENCY_WORDS.get(symbol.group()));
        }
        for (String w : message.words()) {
            String code = CURRENCY_WORDS.get(w.toLowerCase(Locale.ROOT));
            if (code != null) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    private static List<String> categoriesOf(PromptText message) {
        Matcher m = CATEGORIES.matcher(message.original());
        return m.find() ? ListPhrase.names(m.group(1), 16, 3) : List.of();
    }
}
