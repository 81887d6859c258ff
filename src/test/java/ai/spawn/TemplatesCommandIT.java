package ai.spawn;

import ai.spawn.testing.DataDirs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code spawnai templates build} on real bubblewrap, with no packages so it needs no registry. Needs root. */
class TemplatesCommandIT {

    @Test
    void buildsEveryTemplateOnceAndRebuildsWhenForced() throws IOException {
        Path data = DataDirs.fresh("templates-command");
        String[] build = {"build", "--spawnai.data-dir=" + data, "--spawnai.templates.node.packages="};

        assertThat(TemplatesCommand.run(build)).isZero();
        try (Stream<Path> dirs = Files.list(data.resolve("templates"))) {
            assertThat(dirs.map(p -> p.getFileName().toString()))
                    .allMatch(name -> name.matches("(node|python|static)-[0-9a-f]{12}")).hasSize(3);
        }
        Path node;
        try (Stream<Path> dirs = Files.list(data.resolve("templates"))) {
            node = dirs.filter(p -> p.getFileName().toString().startsWith("node-")).findFirst().orElseThrow();
        }
        assertThat(node.resolve("npmrc")).content().contains("audit=false");
        String builtAt = Files.readString(node.resolve("template.json"));

        assertThat(TemplatesCommand.run(build)).isZero();
        assertThat(node.resolve("template.json")).hasContent(builtAt);

        assertThat(TemplatesCommand.run(new String[] {build[0], build[1], build[2], "--force"})).isZero();
        assertThat(Files.readString(node.resolve("template.json"))).isNotEqualTo(builtAt);
    }

    @Test
    void rejectsUnknownSubcommandsAndArguments() {
        assertThat(TemplatesCommand.run(new String[0])).isZero();
        assertThat(TemplatesCommand.run(new String[] {"destroy"})).isEqualTo(2);
        assertThat(TemplatesCommand.run(new String[] {"build", "node"})).isEqualTo(2);
    }
}
