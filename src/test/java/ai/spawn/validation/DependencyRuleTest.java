package ai.spawn.validation;

import static ai.spawn.validation.TestBundles.ids;
import static ai.spawn.validation.TestBundles.node;
import static ai.spawn.validation.TestBundles.python;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

class DependencyRuleTest {

    private static final PackageCatalog CATALOG = new PackageCatalog();
    private final DependencyRule rule = new DependencyRule(CATALOG, ValidationProperties.defaults());

    private static String packageJson(String dependencies) {
        return "{\n  \"name\": \"app\",\n  \"dependencies\": {\n" + dependencies + "\n  }\n}\n";
    }

    @Test
    void blocksKnownMaliciousPackagesAndReleases() {
        List<Finding> findings = rule.check(node("package.json", packageJson("""
                    "express": "^4.19.2",
                    "crossenv": "^1.0.0",
                    "event-stream": "3.3.6",
                    "ua-parser-js": "0.7.29\"""")));

        assertThat(findings).extracting(Finding::rule, Finding::line, Finding::severity).containsExactly(
                Tuple.tuple("deps.malicious", 5, Severity.BLOCK),
                Tuple.tuple("deps.malicious", 6, Severity.BLOCK),
                Tuple.tuple("deps.malicious", 7, Severity.BLOCK));
        assertThat(findings.get(0).message()).contains("crossenv").contains("stole environment variables");
    }

    @Test
    void blocksMaliciousPythonPackagesInRequirementsAndCommands() {
        var bundle = TestBundles.withCommands(python("requirements.txt", "flask==3.0.3\n# colours\ncolourama\n"
                + "jeIlyfish==0.7.1\n", "app.py", "print(1)"), "pip install python3-dateutil", "python3 app.py");

        assertThat(rule.check(bundle)).extracting(Finding::rule, Finding::path, Finding::line).containsExactly(
                Tuple.tuple("deps.malicious", "requirements.txt", 3),
                Tuple.tuple("deps.malicious", "requirements.txt", 4),
                Tuple.tuple("deps.malicious", null, 0));
    }

    @Test
    void acceptsSafeReleasesOfOnceHijackedPackages() {
        assertThat(rule.check(node("package.json", packageJson("\"event-stream\": \"^4.0.1\", \"chalk\": \"5.3.0\""))))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"expresss,express", "lodahs,lodash", "axois,axios", "reqeust,request", "mongoos,mongoose",
            "electrom,electron", "jsonwebtokens,jsonwebtoken", "react-domm,react-dom"})
    void blocksNpmNamesOneTypoAwayFromPopularPackages(String typo, String popular) {
        List<Finding> findings = rule.check(node("package.json", packageJson("\"" + typo + "\": \"1.0.0\"")));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("deps.typosquat");
            assertThat(f.severity()).isEqualTo(Severity.BLOCK);
            assertThat(f.message()).contains("did you mean " + popular + "?");
            assertThat(f.line()).isEqualTo(4);
        });
    }

    @ParameterizedTest
    @CsvSource({"reqeusts,requests", "flaks,flask", "numpyy,numpy", "djnago,django", "Fast_API,fastapi",
            "beautifulsoup,beautifulsoup4"})
    void blocksPythonNamesOneTypoAwayFromPopularPackages(String typo, String popular) {
        assertThat(rule.check(python("requirements.txt", typo + ">=1.0\n"))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("did you mean " + popular + "?"));
    }

    @Test
    void findsPackagesInInstallAndStartCommands() {
        var bundle = TestBundles.withCommands(node("server.js", "1"),
                "npm --prefix web install --save expres@4 && pip3 install --upgrade reqests", "npx -y servee -s public");

        assertThat(rule.check(bundle)).extracting(Finding::rule).containsExactly("deps.typosquat", "deps.typosquat",
                "deps.typosquat");
    }

    @Test
    void acceptsPopularPackagesTheirRealNeighboursAndScopedNames() {
        String deps = """
                    "express": "^4.19.2", "preact": "^10", "react": "^18", "react-dom": "^18", "mysql2": "^3",
                    "mysql": "^2", "cookie": "1", "cookies": "1", "colors": "1", "color": "4", "@types/express": "4",
                    "@expresss/core": "1", "left-pad": "1.3.0", "pg": "^8", "ws": "^8", "zod": "^3",
                    "my-company-internal-widgets": "^2"
                """;
        var bundle = TestBundles.withCommands(node("package.json", packageJson(deps)), "npm ci", "node server.js");

        assertThat(rule.check(bundle)).isEmpty();
        assertThat(rule.check(python("requirements.txt", "pyaml\npyyaml\nscapy\nscipy\nmarkdown2\nuvicorn[standard]\n"
                + "Flask-SQLAlchemy==3.1\n"))).isEmpty();
        assertThat(rule.check(TestBundles.app("todo-express"))).isEmpty();
        assertThat(rule.check(TestBundles.app("flask-notes"))).isEmpty();
    }

    @Test
    void blocksMoreDependenciesThanAllowed() {
        ValidationProperties few = new ValidationProperties(200, DataSize.ofMegabytes(1), DataSize.ofMegabytes(5), 200,
                3, DataSize.ofKilobytes(2), List.of("/tmp"), true, Duration.ofSeconds(5), "node", "python3");
        DependencyRule strict = new DependencyRule(CATALOG, few);
        String three = "\"express\": \"4\", \"cors\": \"2\", \"morgan\": \"1\"";

        assertThat(ids(strict.check(node("package.json", packageJson(three + ", \"helmet\": \"7\"")))))
                .containsExactly("deps.too-many");
        assertThat(strict.check(node("package.json", packageJson(three)))).isEmpty();
        String thirtyOne = IntStream.rangeClosed(1, 31).mapToObj(i -> "\"acme-widget-" + i + "\": \"1\"")
                .collect(Collectors.joining(", "));
        assertThat(ids(rule.check(node("package.json", packageJson(thirtyOne))))).containsExactly("deps.too-many");
    }

    @Test
    void warnsAboutPackagesFromOutsideTheRegistries() {
        String deps = """
                    "a": "git+https://github.com/x/a.git",
                    "b": "github:x/b",
                    "c": "x/c#main",
                    "d": "https://example.com/d-1.0.0.tgz",
                    "e": "file:../e"
                """;
        List<Finding> npm = rule.check(node("package.json", packageJson(deps)));
        List<Finding> pip = rule.check(python("requirements.txt", "-e git+https://github.com/x/y.git#egg=y\n"
                + "--extra-index-url https://pypi.example.com/simple\nz @ https://example.com/z.whl\n"
                + "https://example.com/w.tar.gz\n"));
        List<Finding> command = rule.check(TestBundles.withCommands(node("a.js", "1"),
                "npm install --registry https://npm.example.com left-pad", "node a.js"));

        assertThat(npm).extracting(Finding::rule, Finding::line, Finding::severity).containsExactly(
                Tuple.tuple("deps.remote-source", 4, Severity.WARN), Tuple.tuple("deps.remote-source", 5, Severity.WARN),
                Tuple.tuple("deps.remote-source", 6, Severity.WARN), Tuple.tuple("deps.remote-source", 7, Severity.WARN),
                Tuple.tuple("deps.remote-source", 8, Severity.WARN));
        assertThat(pip).extracting(Finding::line).containsExactly(1, 2, 3, 4);
        assertThat(ids(command)).containsExactly("deps.remote-source");
    }

    @Test
    void followsNpmAliasesAndRequirementIncludes() {
        assertThat(ids(rule.check(node("package.json", packageJson("\"lodash\": \"npm:lodahs@1.0.0\"")))))
                .containsExactly("deps.typosquat");
        assertThat(ids(rule.check(python("requirements.txt", "-r requirements/base.txt\n", "requirements/base.txt",
                "urlib3\n")))).containsExactly("deps.malicious");
    }

    @Test
    void editDistanceCountsSwapsOfNeighboursAsOneEdit() {
        assertThat(EditDistance.between("lodash", "lodahs")).isEqualTo(1);
        assertThat(EditDistance.between("express", "expresss")).isEqualTo(1);
        assertThat(EditDistance.between("react", "preact")).isEqualTo(1);
        assertThat(EditDistance.between("redux", "redis")).isEqualTo(2);
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
    }
}
