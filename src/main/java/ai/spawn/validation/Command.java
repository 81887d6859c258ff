package ai.spawn.validation;

/**
 * A shell command of the bundle: its install or start command, or a script of its {@code package.json}.
 *
 * @param path  the file it is in, or {@code null} for the bundle's own commands
 * @param line  its line in that file, or 0
 * @param label how to name it to a user ("the start command", "the package.json script \"postinstall\"")
 * @param text  the command line
 */
record Command(String path, int line, String label, String text) {
}
