package ai.spawn.generation.blueprint;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Template values of the portfolio: the person's name ("a portfolio for Jane Doe"), what they do (picks the copy
 * from {@code portfolio/roles.json}: developer, designer, photographer, …) and a contact email when the prompt has
 * one. Thread-safe once built.
 */
final class PortfolioValues implements Blueprint.Contributor {

    private static final String DEFAULT_ROLE = "_default";
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]{1,64}@[\\w-]{1,63}(?:\\.[\\w-]{1,63})+");

    /** Copy for one kind of work, as stored in {@code roles.json}. */
    record Role(List<String> words, String role, String headline, String about, List<String> skills,
                List<Project> projects) {
    }

    /** One of three project cards. */
    record Project(String title, String tag, String text) {
    }

    private final Map<String, Role> roles;

    PortfolioValues(String rolesJson) {
        Map<String, Role> parsed = JsonMapper.builder().build()
                .readValue(rolesJson, new TypeReference<LinkedHashMap<String, Role>>() { });
        if (!parsed.containsKey(DEFAULT_ROLE)) {
            throw new IllegalStateException("portfolio/roles.json has no " + DEFAULT_ROLE + " entry");
        }
        parsed.forEach((key, r) -> {
            if (r.projects().size() != 3 || r.skills().size() != 6) {
                throw new IllegalStateException("portfolio role " + key + " needs 3 projects and 6 skills");
            }
        });
        this.roles = parsed;
    }

    @Override
    public void contribute(PromptFacts facts, Map<String, String> values) {
        String key = DEFAULT_ROLE;
        for (PromptText m : facts.messages()) {
            Optional<String> r = roleOf(m);
            if (r.isPresent()) {
                key = r.get();
                break;
            }
        }
        Role role = roles.get(key);
        String name = facts.title(EnumSet.allOf(Title.Source.class)).map(Title::text).orElse("Alex Morgan");
        values.put("title", name);
        values.put("role", role.role());
        values.put("headline", role.headline());
        values.put("about", role.about());
        for (int i = 0; i < 6; i++) {
            values.put("skill" + (i + 1), role.skills().get(i));
        }
        for (int i = 0; i < 3; i++) {
            Project p = role.projects().get(i);
            values.put("project" + (i + 1) + "Title", p.title());
            values.put("project" + (i + 1) + "Tag", p.tag());
            values.put("project" + (i + 1) + "Text", p.text());
        }
        String email = "hello@example.com";
        for (PromptText m : facts.messages()) {
            Matcher e = EMAIL.matcher(m.original());
            if (e.find()) {
                email = e.group();
                break;
            }
        }
        values.put("email", email);
        values.put("initials", initials(name));
    }

    @Override
    public boolean understands(PromptText clause) {
        return roleOf(clause).isPresent() || EMAIL.matcher(clause.original()).find();
    }

    Optional<String> roleOf(PromptText prompt) {
        List<String> windows = IntentMatcher.windows(prompt.stems());
        for (Map.Entry<String, Role> r : roles.entrySet()) {
            for (String w : r.getValue().words()) {
                if (prompt.words().contains(w) || windows.contains(Intent.compact(w))) {
                    return Optional.of(r.getKey());
                }
            }
        }
        return Optional.empty();
    }

    static String initials(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.split("\\s+")) {
            if (!part.isEmpty() && Character.isLetterOrDigit(part.codePointAt(0)) && b.length() < 2) {
                b.appendCodePoint(Character.toUpperCase(part.codePointAt(0)));
            }
        }
        return b.length() == 0 ? "★" : b.toString();
    }
}
