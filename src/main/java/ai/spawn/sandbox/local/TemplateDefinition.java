package ai.spawn.sandbox.local;

import ai.spawn.sandbox.TemplateProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What one template is made of: its name, the package manager that fills its cache and the packages. Its
 * {@link #version()} hashes all of that plus {@link #RECIPE} (bump it when the build steps or the files a template
 * holds change), so a changed definition lives in a new directory. Immutable.
 *
 * @param name      {@code node}, {@code python} or {@code static}
 * @param installer {@code npm}, {@code pip} or {@code none}
 * @param packages  package specs, in the configured order
 * @param npmrc     the npm user config installs get ({@code null} unless {@code npm})
 */
record TemplateDefinition(String name, String installer, List<String> packages, String npmrc) {

    static final int RECIPE = 3;

    /**
     * npm settings for installs in a sandbox: quiet, no network calls besides the registry, the cache first, no log
     * files (they would land in the command's private {@code /tmp} and vanish with it).
     */
    static final String NPMRC = """
            audit=false
            fund=false
            update-notifier=false
            progress=false
            prefer-offline=true
            loglevel=warn
            logs-max=0
            """;

    TemplateDefinition {
        packages = List.copyOf(packages);
    }

    /** The templates these settings define. */
    static List<TemplateDefinition> all(TemplateProperties properties) {
        return List.of(
                new TemplateDefinition("node", "npm", properties.node().packages(), NPMRC),
                new TemplateDefinition("python", "pip", properties.python().packages(), null),
                new TemplateDefinition("static", "none", List.of(), null));
    }

    /** The first 12 hex digits of a SHA-256 over the whole definition. */
    String version() {
        String text = "recipe=" + RECIPE + "\nname=" + name + "\ninstaller=" + installer + "\npackages="
                + String.join("\n", packages) + "\nnpmrc=" + npmrc;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The directory name of this version: {@code name-version}. */
    String directoryName() {
        return name + "-" + version();
    }
}
