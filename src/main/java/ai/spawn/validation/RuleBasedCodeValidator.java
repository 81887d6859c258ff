package ai.spawn.validation;

import java.util.ArrayList;
import java.util.List;

import ai.spawn.generation.AppBundle;
import org.springframework.stereotype.Component;

/** Runs every {@link ValidationRule} bean and collects the findings. */
@Component
class RuleBasedCodeValidator implements CodeValidator {

    private final List<ValidationRule> rules;

    RuleBasedCodeValidator(List<ValidationRule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public ValidationReport validateShape(AppBundle bundle) {
        List<Finding> all = new ArrayList<>();
        for (ValidationRule rule : rules) {
            if (rule.shapeOnly()) {
                all.addAll(rule.check(bundle));
            }
        }
        return new ValidationReport(all);
    }

    @Override
    public ValidationReport validate(AppBundle bundle) {
        List<Finding> all = new ArrayList<>();
        for (ValidationRule rule : rules) {
            all.addAll(rule.check(bundle));
        }
        return new ValidationReport(all);
    }
}
