package ai.spawn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ProgressViewTest {

    private static ProgressEvent event(int percent, String step, Long eta, String message) {
        return new ProgressEvent(1, step, "STARTING", percent, eta, message, Instant.EPOCH);
    }

    @Test
    void barShowsPercentStepEtaAndMessage() {
        assertThat(ProgressView.barLine(event(65, "start", 400L, "starting")))
                .isEqualTo("[#############-------]  65% start  ETA 0.4s  starting");
        assertThat(ProgressView.barLine(event(0, "queued", null, null))).isEqualTo("[--------------------]   0% queued");
    }

    @Test
    void barLineFitsAnEightyColumnTerminal() {
        String line = ProgressView.barLine(event(50, "install", 12_000L, "x".repeat(200)));

        assertThat(line).hasSize(79).endsWith("...");
    }

    @Test
    void plainLineShowsTheFirstLineOfTheMessage() {
        assertThat(ProgressView.plainLine(event(40, "install", 65_000L, "npm install\nadded 3 packages")))
                .isEqualTo(" 40% install   npm install (ETA 1m05s)");
    }

    @Test
    void durationsAreShort() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        assertThat(TimeText.eta(400)).isEqualTo("0.4s");
        assertThat(TimeText.eta(12_400)).isEqualTo("12s");
        assertThat(TimeText.until(now.plusSeconds(59 * 60 + 30), now)).isEqualTo("59m");
        assertThat(TimeText.until(now.plusSeconds(3 * 3600 + 5 * 60), now)).isEqualTo("3h 05m");
        assertThat(TimeText.until(now.plusSeconds(26 * 3600), now)).isEqualTo("1d 02h");
        assertThat(TimeText.until(now.plusSeconds(20), now)).isEqualTo("<1m");
        assertThat(TimeText.until(now.minusSeconds(1), now)).isEqualTo("passed");
        assertThat(TimeText.ago(now.minusSeconds(300), now)).isEqualTo("5m ago");
    }
}
