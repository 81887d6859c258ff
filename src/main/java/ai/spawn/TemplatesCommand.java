package ai.spawn;

import ai.spawn.sandbox.SandboxException;
import ai.spawn.sandbox.SandboxProperties;
import ai.spawn.sandbox.SandboxTemplates;
import ai.spawn.sandbox.SandboxTemplates.TemplateStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * {@code spawnai templates build [--force] [--spawnai.data-dir=./data ...]}: builds the sandbox templates whose
 * current version is missing (all of them with {@code --force}) and prints what each holds. It starts only the
 * sandbox provider and the egress proxy, with the same settings as {@code serve} (application properties,
 * environment, {@code --name=value} arguments): no web server, database or gateway, so it may run next to a
 * running service.
 *
 * <p>Deliberately not a {@code @Configuration}: the service's component scan must not pick it up; it is the
 * primary source of its own small application context only.
 */
@ComponentScan(basePackages = {"ai.spawn.sandbox.local", "ai.spawn.egress"})
@EnableConfigurationProperties(SandboxProperties.class)
class TemplatesCommand {

    static final String USAGE = "usage: spawnai templates build [--force] [--spawnai.data-dir=./data]";

    /** Runs the command; returns the process exit code. */
    static int run(String[] args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (rest.isEmpty() || !rest.get(0).equals("build")) {
            System.out.println(USAGE);
            return rest.isEmpty() || rest.get(0).equals("help") || rest.get(0).equals("--help") ? 0 : 2;
        }
        rest.remove(0);
        boolean force = rest.remove("--force");
        if (rest.stream().anyMatch(a -> !a.startsWith("--") || !a.contains("="))) {
            System.err.println(USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TemplatesCommand.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(rest.toArray(String[]::new))) {
            ObjectProvider<SandboxTemplates> templates = context.getBeanProvider(SandboxTemplates.class);
            SandboxTemplates available = templates.getIfAvailable();
            if (available == null) {
                System.err.println("spawnai: templates are built by the local sandbox provider only"
                        + " (spawnai.sandbox.provider=local)");
                return 1;
            }
            for (TemplateStatus status : available.build(force)) {
                System.out.printf("%-7s %s  %-13s %s%n", status.name(), status.version(),
                        status.built() ? "built" : "already built", status.detail());
            }
            return 0;
        } catch (SandboxException e) {
            System.err.println("spawnai: " + e.getMessage());
            return 1;
        }
    }
}
