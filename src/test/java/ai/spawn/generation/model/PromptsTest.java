package ai.spawn.generation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.Runtime;
import ai.spawn.generation.model.Prompts.Kind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PromptsTest {

    private final Prompts prompts = Prompts.current();
    private final AppBundle current = new AppBundle("Notes", Runtime.NODE, Map.of("server.js", "listen(PORT)"),
            "npm install", "node server.js", 3000, null, "A notes app.");

    @Test
    void loadsTheCurrentVersionFromTheClasspath() {
        assertThat(prompts.version()).isEqualTo("v1");
        assertThat(prompts.system()).contains("deliver_app", "/home/user/app", "PORT", "Node.js 20", "Python 3.11",
                "one hour", "60 files", "512 KiB");
        assertThat(prompts.toolDescription()).isNotBlank().doesNotContain("\n");
        assertThat(JsonMapper.shared().readTree(prompts.toolSchema()).get("properties").get("runtime").get("enum"))
                .hasSize(3);
    }

    @Test
    void anUnknownVersionFailsClearly() {
        assertThatThrownBy(() -> Prompts.load("v999")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prompts/system-v999.md");
    }

    @Test
    void tellsNewAppsEditsAndFixesApart() {
        assertThat(Kind.of(GenerationRequest.newApp("x"))).isEqualTo(Kind.NEW);
        assertThat(Kind.of(new GenerationRequest("x", current, null, List.of()))).isEqualTo(Kind.EDIT);
        assertThat(Kind.of(new GenerationRequest("x", current, "boom", List.of()))).isEqualTo(Kind.FIX);
        assertThat(prompts.instructions(GenerationRequest.newApp("x"))).isEmpty();
        assertThat(prompts.instructions(new GenerationRequest("x", current, null, List.of())))
                .contains("change to an existing app");
        assertThat(prompts.instructions(new GenerationRequest("x", current, "boom", List.of())))
                .contains("repair");
    }

    @Test
    void aNewAppMessageHoldsThePrompt() {
        assertThat(prompts.userMessage(GenerationRequest.newApp("  a kanban board "))).isEqualTo(
                "Build this app:\n<request>\na kanban board\n</request>\n");
    }

    @Test
    void anEditMessageHoldsTheCurrentAppAndTheConversation() {
        String message = prompts.userMessage(new GenerationRequest("add tags", current, null,
                List.of("a notes app", "make it blue")));

        assertThat(message).contains("The current app \"Notes\"", "runtime: node", "install: npm install",
                "start: node server.js", "port: 3000", "summary: A notes app.",
                "<file path=\"server.js\">\nlisten(PORT)\n</file>", "1. a notes app\n2. make it blue",
                "The person now asks for this change:\n<request>\nadd tags\n</request>");
        assertThat(message.indexOf("<history>")).isGreaterThan(message.indexOf("</files>"));
    }

    @Test
    void aFixMessageHoldsTheFailure() {
        String message = prompts.userMessage(new GenerationRequest("a notes app", current,
                "install: exit code 1\nnpm ERR! 404 'expresss' is not in this registry", List.of()));

        assertThat(message).contains("<failure>\ninstall: exit code 1\nnpm ERR! 404", "<file path=\"server.js\">",
                "What the person asked for:\n<request>\na notes app");
    }
}
