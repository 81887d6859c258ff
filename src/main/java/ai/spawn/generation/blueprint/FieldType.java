package ai.spawn.generation.blueprint;

/** The value types a generated API validates. Wire names are what the generated server checks against. */
enum FieldType {
    STRING("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean"), DATE("date"), EMAIL("email"),
    URL("url");

    private final String wire;

    FieldType(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }
}
