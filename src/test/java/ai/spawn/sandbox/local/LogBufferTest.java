package ai.spawn.sandbox.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogBufferTest {

    @Test
    void keepsTheLastLinesOldestFirst() {
        LogBuffer buffer = new LogBuffer(3, 1000);
        for (int i = 1; i <= 5; i++) {
            buffer.add("line " + i);
        }

        assertThat(buffer.last(10)).containsExactly("line 3", "line 4", "line 5");
        assertThat(buffer.last(2)).containsExactly("line 4", "line 5");
        assertThat(buffer.last(0)).isEmpty();
        assertThat(buffer.last(-1)).isEmpty();
    }

    @Test
    void dropsOldLinesWhenTheCharacterBudgetIsSpent() {
        LogBuffer buffer = new LogBuffer(100, 10);
        buffer.add("12345");
        buffer.add("6789");
        buffer.add("abc");

        assertThat(buffer.last(100)).containsExactly("6789", "abc");
    }

    @Test
    void cutsALineLongerThanTheWholeBudget() {
        LogBuffer buffer = new LogBuffer(100, 4);
        buffer.add("abcdefgh");

        assertThat(buffer.last(1)).containsExactly("abcd");
    }
}
