package ai.spawn.validation;

import java.util.Locale;

/** A package registry whose names a bundle can depend on. */
enum Ecosystem {
    NPM("npm"), PYPI("PyPI");

    private final String label;

    Ecosystem(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The form names are compared in: lower case; for PyPI also runs of {@code -_.} as one {@code -} (PEP 503). */
    String normalize(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return this == PYPI ? lower.replaceAll("[-_.]+", "-") : lower;
    }
}
