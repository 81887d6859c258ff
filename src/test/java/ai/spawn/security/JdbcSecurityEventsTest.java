package ai.spawn.security;

/** The security event store on H2 in PostgreSQL mode, as the embedded default runs it. */
class JdbcSecurityEventsTest extends SecurityEventsStoreContract {

    @Override
    protected String url() {
        return "jdbc:h2:mem:security-events;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    @Override
    protected String user() {
        return "sa";
    }
}
