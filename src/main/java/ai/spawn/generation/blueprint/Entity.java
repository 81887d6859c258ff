package ai.spawn.generation.blueprint;

import java.util.List;

/**
 * The data an API manages.
 *
 * @param plural   collection name, also the route and file name ("books" → /api/books, books.json)
 * @param singular one item ("book")
 * @param fields   the fields, in the order named; never empty
 * @param named    whether the prompt named the fields (else defaults were used)
 */
record Entity(String plural, String singular, List<Field> fields, boolean named) {

    Entity {
        fields = List.copyOf(fields);
    }
}
