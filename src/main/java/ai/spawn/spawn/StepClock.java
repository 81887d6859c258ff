package ai.spawn.spawn;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Learns how long each pipeline step takes on this machine (an exponentially weighted moving average, seeded with
 * typical figures) and turns it into an ETA for the steps still ahead. Thread-safe.
 */
@Component
class StepClock {

    private static final double WEIGHT = 0.3;
    private final Map<Step, Double> expectedMillis = new EnumMap<>(Step.class);

    StepClock() {
        for (Step s : Step.values()) {
            expectedMillis.put(s, (double) s.typicalMillis);
        }
    }

    synchronized void record(Step step, long millis) {
        expectedMillis.merge(step, (double) millis, (old, now) -> old * (1 - WEIGHT) + now * WEIGHT);
    }

    /** Milliseconds expected from the start of {@code current} until LIVE, over the given remaining steps. */
    synchronized long etaFrom(Step current, List<Step> plan) {
        double sum = 0;
        boolean counting = false;
        for (Step s : plan) {
            counting |= s == current;
            if (counting) {
                sum += expectedMillis.get(s);
            }
        }
        return Math.round(sum);
    }

    /** The pipeline steps with their wire names, progress percent at their start, and typical durations. */
    enum Step {
        QUEUED("queued", 0, 1),
        GENERATE("generate", 5, 50),
        VALIDATE("validate", 30, 5),
        PROVISION("provision", 40, 30),
        INSTALL("install", 50, 3000),
        START("start", 65, 50),
        HEALTH("health", 80, 250),
        LIVE("live", 100, 0);

        final String wire;
        final int percent;
        final long typicalMillis;

        Step(String wire, int percent, long typicalMillis) {
            this.wire = wire;
            this.percent = percent;
            this.typicalMillis = typicalMillis;
        }
    }
}
