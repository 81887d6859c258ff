package ai.spawn.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void keepsPlainTextNewlinesAndTabs() {
        assertThat(TerminalText.clean("listening on :3000\n\tready ü 日本")).isEqualTo("listening on :3000\n\tready ü 日本");
        assertThat(TerminalText.clean(null)).isNull();
    }

    @Test
    void removesColoursAndScreenClears() {
        assertThat(TerminalText.clean("\u001B[31mred\u001B[0m \u001B[2J\u001B[Hdone")).isEqualTo("red done");
        assertThat(TerminalText.clean("\u009B2Jcleared")).isEqualTo("cleared");
    }

    @Test
    void removesWindowTitlesAndClipboardWrites() {
        assertThat(TerminalText.clean("a\u001B]0;pwned\u0007b")).isEqualTo("ab");
        assertThat(TerminalText.clean("a\u001B]52;c;Y3VybCBldmlsfHNo\u001B\\b")).isEqualTo("ab");
        assertThat(TerminalText.clean("a\u009D52;c;eA==\u009Cb")).isEqualTo("ab");
        assertThat(TerminalText.clean("a\u001B]2;unterminated\nnext")).isEqualTo("a\nnext");
    }

    @Test
    void removesOtherControlCharacters() {
        assertThat(TerminalText.clean("a\rb\u0008c\u0000d\u007Fe\u0085f\u001Bcg")).isEqualTo("abcdefg");
    }
}
