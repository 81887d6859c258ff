package ai.spawn.validation;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ai.spawn.generation.AppBundle;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packages a bundle installs or runs (see {@link DependencyExtractor} for where they are found).
 * <ul>
 * <li>{@code deps.malicious} (BLOCK): a package, or an exact release, on the list of known-malicious packages.</li>
 * <li>{@code deps.typosquat} (BLOCK): a name one edit (two for names of 10+ characters) away from a popular package
 * but not itself a known package — "expresss", "lodahs", "reqeusts".</li>
 * <li>{@code deps.too-many} (BLOCK): more than {@link ValidationProperties#maxDependencies()} distinct packages.</li>
 * <li>{@code deps.remote-source} (WARN): a package from git, a URL, a file or another registry or index.</li>
 * </ul>
 * Stateless and thread-safe.
 */
@Component
@Order(20)
class DependencyRule implements ValidationRule {

    static final String MALICIOUS = "deps.malicious";
    static final String TYPOSQUAT = "deps.typosquat";
    static final String TOO_MANY = "deps.too-many";
    private static final int MAX_CHECKED = 500;

    private final PackageCatalog catalog;
    private final int maxDependencies;
    private final JsonMapper json = JsonMapper.builder().build();

    DependencyRule(PackageCatalog catalog, ValidationProperties properties) {
        this.catalog = catalog;
        this.maxDependencies = properties.maxDependencies();
    }

    @Override
    public List<Finding> check(AppBundle bundle) {
        Findings out = new Findings();
        List<Dependency> dependencies = DependencyExtractor.extract(bundle, json, out);
        Set<String> distinct = new LinkedHashSet<>();
        Set<String> checked = new HashSet<>();
        // beyond this many the bundle is blocked for its count anyway; checking every name would only cost time
        int checkAtMost = Math.max(MAX_CHECKED, maxDependencies + 1);
        for (Dependency d : dependencies) {
            distinct.add(d.ecosystem() + ":" + d.normalizedName());
            if (checked.size() >= checkAtMost || !checked.add(d.ecosystem() + ":" + d.normalizedName() + "@"
                    + d.version() + "@" + d.path())) {
                continue;
            }
            String where = d.path() == null ? "the install or start command: " : "";
            String reason = catalog.maliciousReason(d);
            if (reason != null) {
                out.block(MALICIOUS, d.path(), d.line(), where + d.name() + (d.version() == null ? "" : "@"
                        + d.version()) + " is a known-malicious " + d.ecosystem().label() + " package"
                        + (reason.isEmpty() ? "" : " (" + reason + ")") + "; remove it");
                continue;
            }
            String popular = catalog.lookalikeOf(d.ecosystem(), d.name());
            if (popular != null) {
                out.block(TYPOSQUAT, d.path(), d.line(), where + d.name() + " looks like a misspelling of the popular "
                        + d.ecosystem().label() + " package " + popular + " — a common trick of malicious packages; "
                        + "did you mean " + popular + "?");
            }
        }
        if (distinct.size() > maxDependencies) {
            out.block(TOO_MANY, null, 0, "the app uses " + distinct.size() + " packages; at most " + maxDependencies
                    + " are allowed — drop the ones it does not need");
        }
        return out.list();
    }
}
