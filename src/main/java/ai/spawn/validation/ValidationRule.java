package ai.spawn.validation;

import java.util.List;

import ai.spawn.generation.AppBundle;

/** One family of checks; every rule bean takes part in validation. Same contract as {@link CodeValidator}. */
public interface ValidationRule {

    List<Finding> check(AppBundle bundle);

    /** Whether this rule checks only the bundle's shape (cheap, no processes): run when a request is admitted. */
    default boolean shapeOnly() {
        return false;
    }
}
