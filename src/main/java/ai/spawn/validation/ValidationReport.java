package ai.spawn.validation;

import java.util.List;

/** Every finding of one validation, in rule order. */
public record ValidationReport(List<Finding> findings) {

    public ValidationReport {
        findings = List.copyOf(findings);
    }

    /** Whether any finding stops the app. */
    public boolean blocked() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.BLOCK);
    }

    public List<Finding> blocking() {
        return findings.stream().filter(f -> f.severity() == Severity.BLOCK).toList();
    }
}
