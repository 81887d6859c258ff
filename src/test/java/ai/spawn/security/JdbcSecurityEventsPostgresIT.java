package ai.spawn.security;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The security event store on the real PostgreSQL at 127.0.0.1:5432 (database {@code test}), in a schema of its
 * own that the test drops afterwards.
 */
class JdbcSecurityEventsPostgresIT extends SecurityEventsStoreContract {

    private static final String SCHEMA = "security_it_" + Long.toHexString(System.nanoTime());
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @Override
    protected String url() {
        return URL + "?currentSchema=" + SCHEMA;
    }

    @Override
    protected String user() {
        return "postgres";
    }

    @Override
    protected Flyway flyway(SingleConnectionDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").schemas(SCHEMA)
                .cleanDisabled(false).load();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "")) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }
}
