package ai.spawn.sandbox.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app launch script: quoting through a real {@code /bin/sh}, and what the script holds. */
class AppLaunchTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain", "", "it's", "'", "''", "a b  c", "$HOME", "`id`", "$(id)", "back\\slash",
        "two\nlines", "\"double\"", "tab\there", "ünïcödé ✓", "; rm -rf / #", "'\"'\"'"})
    void aQuotedValueReachesTheShellUnchanged(String value) throws Exception {
        Process sh = new ProcessBuilder("/bin/sh", "-c", "printf %s " + AppLaunch.quote(value)).start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(sh.waitFor()).isZero();
        assertThat(out).isEqualTo(value);
    }

    @Test
    void theScriptExportsTheEnvironmentAndPortForwardsTheSocketAndExecsTheCommand() {
        String script = AppLaunch.script(Map.of("B", "two", "A", "o'ne"), 3000, "node server.js");

        assertThat(script).startsWith("export A='o'\\''ne'\nexport B='two'\nexport PORT='3000'\n")
                .contains("socat -b 65536 UNIX-LISTEN:/run/sbx/app.sock,fork,")
                .contains("TCP:127.0.0.1:3000,nodelay </dev/null 2>/dev/null &\n")
                .endsWith("exec /bin/sh -c 'node server.js' spawnai-app </dev/null\n");
    }

    @Test
    void thePortIsTheOneGivenEvenWhenTheEnvironmentHasOne() {
        assertThat(AppLaunch.script(Map.of("PORT", "1"), 8080, "x")).contains("export PORT='8080'\n")
                .doesNotContain("PORT='1'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1A", "A-B", "A B", "", "A=B", "A;B"})
    void anInvalidVariableNameIsRefused(String name) {
        assertThatThrownBy(() -> AppLaunch.script(Map.of(name, "v"), 3000, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid environment variable");
    }
}
