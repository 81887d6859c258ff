package ai.spawn.spawn;

import ai.spawn.spawn.StepClock.Step;

/** A pipeline step failed for a reason the user should read. Internal to the pipeline. */
final class StepFailure extends RuntimeException {

    private final Step step;

    StepFailure(Step step, String message) {
        super(message, null, false, false);
        this.step = step;
    }

    Step step() {
        return step;
    }

    /** Whether a model could repair the bundle from this failure (not for generation or provisioning errors). */
    boolean fixable() {
        return step == Step.VALIDATE || step == Step.INSTALL || step == Step.START || step == Step.HEALTH;
    }

    /** What identifies "the same error again": the step and the message with its log lines, without numbers. */
    String signature() {
        String message = getMessage() == null ? "" : getMessage();
        return step.wire + ":" + message.replaceAll("\\d+", "#").strip();
    }
}
