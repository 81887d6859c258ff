package ai.spawn.validation;

/** How bad a finding is. */
public enum Severity {
    /** Worth knowing; nothing changes. */
    INFO,
    /** Suspicious; the app still runs and the finding is shown. */
    WARN,
    /** The app does not run. */
    BLOCK
}
