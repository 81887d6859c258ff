package ai.spawn.generation.blueprint;

/**
 * A name for the app found in the prompt.
 *
 * @param text   the name as written ("Sweet Crumbs")
 * @param source how sure we are that the user meant it as the name
 */
record Title(String text, Source source) {

    /** How a title was found, surest first. */
    enum Source {
        /** Quoted, or after "called"/"named"/"titled". */
        EXPLICIT,
        /** A capitalised name right after "for" ("a kanban board for Project Phoenix"). */
        AFTER_FOR,
        /** A capitalised name anywhere ("a landing page for my bakery Sweet Crumbs"). */
        CAPITALISED
    }
}
