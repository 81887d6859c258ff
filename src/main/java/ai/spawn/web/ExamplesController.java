package ai.spawn.web;

import java.util.List;

import ai.spawn.generation.CodeGenerator;
import ai.spawn.generation.Example;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/examples}: prompts that work on this server's engine, for the gallery. */
@RestController
class ExamplesController {

    private final CodeGenerator generator;

    ExamplesController(CodeGenerator generator) {
        this.generator = generator;
    }

    @GetMapping("/api/v1/examples")
    Examples examples() {
        return new Examples(generator.engine(), generator.examples());
    }

    /** The engine and its examples. */
    record Examples(String engine, List<Example> examples) { }
}
