package ai.spawn.validation;

/**
 * A package the bundle asks to install or run.
 *
 * @param ecosystem its registry
 * @param name      its name as written
 * @param version   the exact version asked for, or {@code null} for a range or none
 * @param path      the file that declares it, or {@code null} for the install or start command
 * @param line      the line in that file, or 0
 */
record Dependency(Ecosystem ecosystem, String name, String version, String path, int line) {

    String normalizedName() {
        return ecosystem.normalize(name);
    }
}
