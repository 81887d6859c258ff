package ai.spawn.sandbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the sandbox templates ({@code spawnai.templates.*}): the prepared runtime environments ({@code node},
 * {@code python}, {@code static}) a sandbox is created from. A template's version is a hash of its definition
 * (these package lists and the build recipe), so changing a list here builds a new version. Immutable.
 *
 * @param lazyBuild    whether the first install in a sandbox of a template that is not built yet builds it (off:
 *                     such installs run without the template; {@code spawnai templates build} builds them)
 * @param buildTimeout how long building one template may take
 * @param installCpu   cpu quota in cores of a sandbox while an install command runs in it (its own quota applies
 *                     again when the install ends); 0 keeps the sandbox's own quota. npm alone needs about a second
 *                     of cpu for {@code npm install express} from a warm cache, so at half a core an install cannot
 *                     take less than two seconds
 * @param node         the {@code node} template
 * @param python       the {@code python} template
 */
@Validated
@ConfigurationProperties("spawnai.templates")
public record TemplateProperties(
        @DefaultValue("true") boolean lazyBuild,
        @DefaultValue("5m") @NotNull Duration buildTimeout,
        @DefaultValue("2") @DecimalMin("0") double installCpu,
        @DefaultValue @NotNull @Valid Node node,
        @DefaultValue @NotNull @Valid Python python) {

    /** The packages {@link Node#packages()} lists unless configured otherwise. */
    public static final List<String> NODE_PACKAGES = List.of("express@4", "express@5", "cors", "body-parser",
            "cookie-parser", "morgan", "helmet", "compression", "dotenv", "uuid", "nanoid", "dayjs", "marked", "ws",
            "zod", "lowdb");

    /**
     * The {@code node} template.
     *
     * @param packages        npm package specs ({@code name} or {@code name@range}) whose whole dependency trees go
     *                        into the template's read-only npm cache, and each installed on its own into a tree of
     *                        the template; pure-JavaScript packages only (native ones need a compiler at install time
     *                        anyway). Two ranges of one package may both be listed.
     * @param seedNodeModules whether {@code npm install} in a workspace without {@code node_modules} starts from the
     *                        template's installed trees of the packages it asks for (npm then only reconciles);
     *                        off: npm installs everything from the template's cache
     */
    public record Node(@DefaultValue({"express@4", "express@5", "cors", "body-parser", "cookie-parser", "morgan",
            "helmet", "compression", "dotenv", "uuid", "nanoid", "dayjs", "marked", "ws", "zod", "lowdb"})
                       List<String> packages,
                       @DefaultValue("true") boolean seedNodeModules) {
        public Node {
            packages = packages == null ? List.of() : List.copyOf(packages);
        }
    }

    /**
     * The {@code python} template.
     *
     * @param packages pip requirement specs whose wheels go into the template ({@code PIP_FIND_LINKS}); empty by
     *                 default: the apps use the standard library, and PyPI may be unreachable from the build host
     */
    public record Python(List<String> packages) {
        public Python {
            packages = packages == null ? List.of() : List.copyOf(packages);
        }
    }

    /** The values bound from an empty environment. */
    public static TemplateProperties defaults() {
        return new TemplateProperties(true, Duration.ofMinutes(5), 2, new Node(NODE_PACKAGES, true), new Python(List.of()));
    }

    /** The install cpu quota in thousandths of a core (0: none of its own). */
    public int installCpuMillis() {
        return (int) Math.round(installCpu * 1000);
    }

    /** A copy with these node packages. */
    public TemplateProperties withNodePackages(List<String> packages) {
        return new TemplateProperties(lazyBuild, buildTimeout, installCpu, new Node(packages, node.seedNodeModules()),
                python);
    }

    /** A copy whose installs do (or do not) start from the node template's installed trees. */
    public TemplateProperties withSeedNodeModules(boolean seed) {
        return new TemplateProperties(lazyBuild, buildTimeout, installCpu, new Node(node.packages(), seed), python);
    }
}
