package ai.spawn.generation.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void countsInsertionsDeletionsSubstitutionsAndTranspositionsAsOneEditEach() {
        assertThat(EditDistance.within("todo", "todo", 2)).isZero();
        assertThat(EditDistance.within("tood", "todo", 2)).isEqualTo(1);
        assertThat(EditDistance.within("tdoo", "todo", 2)).isEqualTo(1);
        assertThat(EditDistance.within("todoo", "todo", 2)).isEqualTo(1);
        assertThat(EditDistance.within("tdo", "todo", 2)).isEqualTo(1);
        assertThat(EditDistance.within("calulator", "calculator", 2)).isEqualTo(1);
        assertThat(EditDistance.within("calculater", "calculator", 2)).isEqualTo(1);
        assertThat(EditDistance.within("pomadoor", "pomodoro", 2)).isEqualTo(2);
    }

    @Test
    void stopsEarlyPastTheLimit() {
        assertThat(EditDistance.within("kanban", "calculator", 2)).isEqualTo(3);
        assertThat(EditDistance.within("abcdef", "uvwxyz", 1)).isEqualTo(2);
    }
}
