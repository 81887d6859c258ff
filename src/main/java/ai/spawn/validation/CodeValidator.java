package ai.spawn.validation;

import ai.spawn.generation.AppBundle;

/**
 * Checks a bundle before anything of it runs. Thread-safe, side-effect free, deterministic, and fast (no network,
 * no process launches): it may run on a request thread.
 */
public interface CodeValidator {

    /** All findings for the bundle; never throws for bad content — bad content is a finding. */
    ValidationReport validate(AppBundle bundle);
}
