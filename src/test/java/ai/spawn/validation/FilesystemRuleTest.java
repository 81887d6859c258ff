package ai.spawn.validation;

import static ai.spawn.validation.TestBundles.ids;
import static ai.spawn.validation.TestBundles.node;
import static ai.spawn.validation.TestBundles.python;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilesystemRuleTest {

    private final FilesystemRule rule = new FilesystemRule(new CodeUnits(), ValidationProperties.defaults());

    @ParameterizedTest
    @ValueSource(strings = {
            "fs.readFileSync('/etc/passwd', 'utf8')",
            "const shadow = \"/etc/shadow\";",
            "fs.readFile(`${os.homedir()}/.ssh/id_rsa`, cb)",
            "const key = path.join(os.homedir(), '.ssh', 'id_ed25519');",
            "fetchEnv('/proc/self/environ')",
            "const creds = path.join(home, '.aws/credentials');",
            "const sock = '/var/run/docker.sock';",
            "fs.readdirSync('/root/')",
            "fs.writeFileSync('/sys/fs/cgroup/memory/x', '1')"})
    void blocksSystemAndCredentialFilesInJavaScript(String code) {
        List<Finding> findings = rule.check(node("server.js", "'use strict';\n" + code));

        assertThat(findings).filteredOn(f -> f.rule().equals("fs.sensitive")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.BLOCK);
            assertThat(f.line()).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"open('/etc/passwd').read()", "p = Path.home() / '.ssh' / 'id_rsa'",
            "with open('/proc/1/environ', 'rb') as f: pass", "KUBE = '~/.kube/config'"})
    void blocksSystemAndCredentialFilesInPython(String code) {
        assertThat(ids(rule.check(python("app.py", code)))).contains("fs.sensitive");
    }

    @Test
    void blocksSensitivePathsInShellScriptsAndCommands() {
        var bundle = TestBundles.withCommands(node("run.sh", "#!/bin/sh\n# /etc/passwd in a comment is fine\ncat "
                        + "/etc/shadow\n", "package.json", "{\"scripts\": {\"postinstall\": \"cp ~/.ssh/id_rsa .\"}}"),
                "npm install", "cat /proc/self/environ; node server.js");

        assertThat(rule.check(bundle)).extracting(Finding::rule, Finding::path, Finding::line).containsExactlyInAnyOrder(
                Tuple.tuple("fs.sensitive", "run.sh", 3),
                Tuple.tuple("fs.sensitive", "package.json", 1),
                Tuple.tuple("fs.sensitive", null, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "fs.readFileSync('/opt/app/config.json')",
            "fs.writeFileSync('/var/www/index.html', html)",
            "fs.readFileSync('/home/user/app/../other/x')",
            "fs.readFileSync('../secrets.json')",
            "fs.createReadStream('/data/' + name)",
            "const file = path.join(__dirname, '..', 'outside.txt');",
            "const dir = path.resolve(__dirname, '/usr/share');",
            "const cfg = require('../../config');",
            "fs.readFileSync('~/notes.txt')",
            "fs.readdirSync('/root')",
            "fs.readFileSync('/proc')"})
    void blocksPathsOutsideTheWorkspaceInJavaScript(String code) {
        assertThat(ids(rule.check(node("server.js", code)))).containsExactly("fs.outside-workspace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"open('/var/log/syslog')", "open('../data.json')",
            "os.path.join(os.path.dirname(__file__), '..', 'x')", "shutil.copy('/usr/lib/x', 'x')",
            "send_from_directory('/srv', name)", "open(f'/opt/{name}')", "Path('data', '/etc/hosts')"})
    void blocksPathsOutsideTheWorkspaceInPython(String code) {
        assertThat(ids(rule.check(python("app.py", code)))).containsExactly("fs.outside-workspace");
    }

    @Test
    void acceptsFilesInTheWorkspaceTmpAndRelativeClimbsThatStayInside() {
        String server = """
                const DATA = path.join(__dirname, 'data', 'todos.json');
                app.use(express.static(path.join(__dirname, '/public')));
                app.get('/api/proc/list', handler);
                app.get('/root', handler);
                fs.writeFileSync('/tmp/upload.bin', buf);
                fs.readFileSync('data.json', 'utf8');
                fs.readFileSync('./data/../data/x.json');
                fs.appendFileSync('/dev/null', 'x');
                const web = require('./lib/web');
                res.sendFile('index.html', { root: path.join(__dirname, 'public') });
                const url = '/etc';
                const p = path.resolve(process.cwd(), 'uploads');
                """;
        String store = "const FILE = path.join(__dirname, '..', 'data', 'todos.json');\n"
                + "const helper = require('../lib/helper');";
        String py = """
                import os
                BASE = os.path.dirname(os.path.abspath(__file__))
                open('data.json')
                open(os.path.join(BASE, 'notes.json'), 'w')
                os.makedirs('uploads', exist_ok=True)
                open('/tmp/cache.json', 'w')
                open('/home/user/app/data.json')
                """;

        assertThat(rule.check(node("server.js", server, "lib/store.js", store))).isEmpty();
        assertThat(rule.check(python("app.py", py))).isEmpty();
        assertThat(rule.check(TestBundles.app("todo-express"))).isEmpty();
        assertThat(rule.check(TestBundles.app("flask-notes"))).isEmpty();
        assertThat(rule.check(TestBundles.app("node-http"))).isEmpty();
    }
}
