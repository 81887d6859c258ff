package ai.spawn.generation.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityExtractorTest {

    private static Entity extract(String prompt) {
        return EntityExtractor.extract(PromptText.of(prompt));
    }

    private static List<String> fields(Entity e) {
        return e.fields().stream().map(f -> f.name() + ":" + f.type().wire() + (f.required() ? "" : "?")).toList();
    }

    @Test
    void booksWithTitleAuthorAndYear() {
        Entity books = extract("a REST API for books with title, author and year");
        assertThat(books.plural()).isEqualTo("books");
        assertThat(books.singular()).isEqualTo("book");
        assertThat(books.named()).isTrue();
        assertThat(fields(books)).containsExactly("title:string", "author:string", "year:integer");
    }

    @Test
    void explicitTypeHintsWinOverInference() {
        Entity movies = extract("an API for movies with title, release year (integer), rating as number, "
                + "is watched, director email and poster: url");
        assertThat(fields(movies)).containsExactly("title:string", "releaseYear:integer", "rating:number",
                "isWatched:boolean?", "directorEmail:email", "poster:url");
    }

    @Test
    void optionalFieldsAreNotRequired() {
        assertThat(fields(extract("an API for contacts with name, an optional phone and notes (optional)")))
                .containsExactly("name:string", "phone:string?", "notes:string?");
    }

    @Test
    void theEntityIsTheHeadNounOfWhatTheApiIsFor() {
        assertThat(extract("an API to manage my book collection with title and author").plural()).isEqualTo("books");
        assertThat(extract("a books API with title and pages").plural()).isEqualTo("books");
        assertThat(extract("a REST API for a library of albums with title").plural()).isEqualTo("albums");
        assertThat(extract("a crud api for products with name and price").plural()).isEqualTo("products");
    }

    @Test
    void singularEntitiesArePluralisedForRoutesAndFiles() {
        Entity people = extract("an API for person with name and age");
        assertThat(people.plural()).isEqualTo("people");
        assertThat(people.singular()).isEqualTo("person");
        assertThat(extract("an API for category with name").plural()).isEqualTo("categories");
        assertThat(extract("an API for companies with name").singular()).isEqualTo("company");
    }

    @Test
    void withoutNamedFieldsItUsesNameAndDescription() {
        Entity e = extract("a REST API for recipes");
        assertThat(e.plural()).isEqualTo("recipes");
        assertThat(e.named()).isFalse();
        assertThat(fields(e)).containsExactly("name:string", "description:string?");
        assertThat(extract("a CRUD API").plural()).isEqualTo("items");
    }

    @Test
    void clausesAfterTheFieldListAreNotFields() {
        assertThat(fields(extract("an API for books with title and author, stored in a JSON file")))
                .containsExactly("title:string", "author:string");
        assertThat(fields(extract("an API for books with title and author. Validate everything please.")))
                .containsExactly("title:string", "author:string");
        assertThat(fields(extract("an API for books with title, author and year with validation")))
                .containsExactly("title:string", "author:string", "year:integer");
    }

    @Test
    void idAndTimestampsAreReservedAndDuplicatesDropped() {
        assertThat(fields(extract("an API for tags with id, name, name and createdAt")))
                .containsExactly("name:string");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "price, number", "age, integer", "count, integer", "quantity, integer", "year, integer",
        "number, number", "rating, number", "due date, date", "deadline, date", "birthday, date",
        "done, boolean", "completed, boolean", "active, boolean", "is public, boolean", "has wifi, boolean",
        "email, email", "email address, email", "phone number, string", "website, url", "title, string",
        "zip code, string"})
    void infersTypesFromFieldNames(String field, String type) {
        assertThat(EntityExtractor.inferType(List.of(field.split(" "))).wire()).isEqualTo(type);
    }

    @Test
    void detectsWhetherAPromptNamesFields() {
        assertThat(EntityExtractor.namesFields(PromptText.of("an API for books with title and author"))).isTrue();
        assertThat(EntityExtractor.namesFields(PromptText.of("an API for books"))).isFalse();
    }
}
