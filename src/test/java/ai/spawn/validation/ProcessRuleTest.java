package ai.spawn.validation;

import static ai.spawn.validation.TestBundles.ids;
import static ai.spawn.validation.TestBundles.node;
import static ai.spawn.validation.TestBundles.python;
import static ai.spawn.validation.TestBundles.site;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessRuleTest {

    private final ProcessRule rule = new ProcessRule(new CodeUnits());

    @ParameterizedTest
    @ValueSource(strings = {
            "const { exec } = require('child_process');\nexec('ls');",
            "const cp = require(\"node:child_process\");",
            "import { spawn } from 'child_process';",
            "const cp = await import(`child_process`);",
            "process.mainModule.require('child_process').execSync('id');",
            "process.binding('spawn_sync');",
            "Bun.spawn(['ls']);"})
    void blocksJavaScriptThatStartsPrograms(String code) {
        List<Finding> findings = rule.check(node("server.js", "'use strict';\n" + code));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("process.spawn");
            assertThat(f.severity()).isEqualTo(Severity.BLOCK);
            assertThat(f.path()).isEqualTo("server.js");
            assertThat(f.line()).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "import subprocess\nsubprocess.run(['ls'])",
            "import os, subprocess",
            "from subprocess import Popen",
            "import os\nos.system('rm -rf /tmp/x')",
            "import os\nos.popen('id').read()",
            "import os\nos.execvp('sh', ['sh'])",
            "from os import system",
            "import pty",
            "import json, pty as terminal",
            "__import__('os').system('id')",
            "mod = __import__('subprocess')",
            "import asyncio\nawait asyncio.create_subprocess_shell('ls')",
            "import os\ngetattr(os, 'system')('id')"})
    void blocksPythonThatStartsPrograms(String code) {
        assertThat(ids(rule.check(python("app.py", code)))).containsOnly("process.spawn").isNotEmpty();
    }

    @Test
    void blocksChildProcessInAnInlineScriptOfAPage() {
        List<Finding> findings = rule.check(site("index.html",
                "<html>\n<body>\n<script>\nrequire('child_process').exec('x')\n</script>"));

        assertThat(findings).extracting(Finding::rule, Finding::line).containsExactly(Tuple.tuple("process.spawn", 4));
    }

    @Test
    void ignoresTheWordsInStringsCommentsAndOrdinaryCode() {
        String server = """
                // we never use child_process or exec() here
                const help = "Use require('child_process') only in build scripts";
                const re = /a+/;
                const m = re.exec('aaa');
                /* subprocess, os.system */
                const os = require('os');
                console.log(os.platform(), m, help);
                """;
        String app = """
                \"\"\"Never call os.system or import subprocess here.\"\"\"
                import os, platform  # not subprocess
                import commands  # the app's own commands.py
                from ptyprocess_docs import x
                print(platform.system(), os.environ.get('PORT'))
                cursor.execute('select 1')
                text = "os.system('x')"
                """;

        assertThat(rule.check(node("server.js", server))).isEmpty();
        assertThat(rule.check(python("app.py", app))).isEmpty();
        assertThat(rule.check(TestBundles.app("todo-express"))).isEmpty();
        assertThat(rule.check(TestBundles.app("flask-notes"))).isEmpty();
    }
}
