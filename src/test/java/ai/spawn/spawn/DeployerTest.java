package ai.spawn.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DeployerTest {

    @Test
    void quotedOutputInFailureReasonsHasNoTerminalEscapes() {
        String reason = Deployer.lastLines(List.of("\u001B]52;c;cm0gLXJmIH4=\u0007boom", "\u001B[2J\u001B]0;t\u0007x\r"));

        assertThat(reason).isEqualTo("\nlast output:\nboom\nx");
    }
}
