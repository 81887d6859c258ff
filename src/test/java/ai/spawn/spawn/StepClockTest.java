package ai.spawn.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ai.spawn.spawn.StepClock.Step;
import org.junit.jupiter.api.Test;

class StepClockTest {

    private static final List<Step> PLAN = List.of(Step.GENERATE, Step.VALIDATE, Step.PROVISION, Step.START,
            Step.HEALTH);

    @Test
    void etaCountsOnlyStepsStillAhead() {
        StepClock clock = new StepClock();
        assertThat(clock.etaFrom(Step.HEALTH, PLAN)).isEqualTo(Step.HEALTH.typicalMillis);
        assertThat(clock.etaFrom(Step.START, PLAN)).isEqualTo(Step.START.typicalMillis + Step.HEALTH.typicalMillis);
    }

    @Test
    void learnsFromMeasuredDurations() {
        StepClock clock = new StepClock();
        for (int i = 0; i < 50; i++) {
            clock.record(Step.HEALTH, 1000);
        }
        assertThat(clock.etaFrom(Step.HEALTH, PLAN)).isBetween(990L, 1000L);
    }
}
