package ai.spawn.generation.blueprint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Template values of the quiz: the topic a prompt names ("a quiz about space", "a geography quiz") picks a
 * question set from {@code quiz/topics.json}; general knowledge otherwise. Thread-safe once built.
 */
final class QuizValues implements Blueprint.Contributor {

    static final String DEFAULT_TOPIC = "general";

    /** One question set. */
    record Topic(List<String> words, String label, List<Question> questions) {
    }

    /** A multiple-choice question; {@code answer} indexes {@code choices}. */
    record Question(String q, List<String> choices, int answer, String explain) {
    }

    private final Map<String, Topic> topics;
    private final Map<String, String> questionsJson = new LinkedHashMap<>();

    QuizValues(String topicsJson) {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Topic> parsed = json.readValue(topicsJson, new TypeReference<LinkedHashMap<String, Topic>>() { });
        if (!parsed.containsKey(DEFAULT_TOPIC)) {
            throw new IllegalStateException("quiz/topics.json has no " + DEFAULT_TOPIC + " topic");
        }
        for (Map.Entry<String, Topic> t : parsed.entrySet()) {
            for (Question q : t.getValue().questions()) {
                if (q.answer() < 0 || q.answer() >= q.choices().size()) {
                    throw new IllegalStateException("quiz topic " + t.getKey() + ": answer out of range in " + q.q());
                }
            }
            questionsJson.put(t.getKey(), json.writeValueAsString(t.getValue().questions()));
        }
        this.topics = parsed;
    }

    @Override
    public void contribute(PromptFacts facts, Map<String, String> values) {
        String key = DEFAULT_TOPIC;
        for (PromptText m : facts.messages()) {
            Optional<String> t = topicOf(m);
            if (t.isPresent()) {
                key = t.get();
                break;
            }
        }
        Topic topic = topics.get(key);
        values.put("topic", topic.label());
        values.put("questionsJson", questionsJson.get(key));
        if (facts.title(Set.of(Title.Source.EXPLICIT)).isEmpty()) {
            values.put("title", key.equals(DEFAULT_TOPIC) ? "Quiz time" : topic.label() + " quiz");
        }
    }

    @Override
    public boolean understands(PromptText clause) {
        return topicOf(clause).isPresent();
    }

    /** The topic a prompt names; a specific one ("space") wins over "general" words ("a fun quiz about space"). */
    Optional<String> topicOf(PromptText prompt) {
        Optional<String> general = Optional.empty();
        for (Map.Entry<String, Topic> t : topics.entrySet()) {
            List<String> words = t.getValue().words();
            boolean named = prompt.words().stream().anyMatch(words::contains)
                    || prompt.stems().stream().anyMatch(words::contains);
            if (named && !t.getKey().equals(DEFAULT_TOPIC)) {
                return Optional.of(t.getKey());
            }
            if (named) {
                general = Optional.of(t.getKey());
            }
        }
        return general;
    }
}
