package ai.spawn;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import ai.spawn.testing.DataDirs;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API on the real PostgreSQL at 127.0.0.1:5432 (database {@code test}), in a schema of its own that Flyway
 * creates and the test drops afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spawnai.gateway.port=0", "spawnai.apps.health-timeout=PT10S"})
@ActiveProfiles("postgres")
class ApiPostgresIT extends AbstractApiIT {

    static final String SCHEMA = "spawnai_it_" + Long.toHexString(System.nanoTime());

    static final Path data = DataDirs.fresh("api-pg");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spawnai.data-dir", () -> data.toString());
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema(@Autowired JdbcClient jdbc) {
        jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
    }
}
