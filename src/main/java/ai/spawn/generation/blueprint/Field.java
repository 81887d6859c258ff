package ai.spawn.generation.blueprint;

/**
 * One field of a generated API's entity.
 *
 * @param name     camelCase JSON name ("dueDate")
 * @param label    human label ("Due date")
 * @param type     value type the server validates
 * @param required whether a create must carry it (booleans default to false and are never required)
 */
record Field(String name, String label, FieldType type, boolean required) {
}
