package ai.spawn.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The session tokens the client remembers, one per server URL, in {@code <config dir>/credentials.json}:
 * {@code {"servers":{"http://localhost:8080":{"sessionId","token","createdAt"}}}}. The directory is created with
 * mode 700 and the file with mode 600 (set at creation, so the token is never readable by others, not even
 * briefly); a save replaces the file atomically. Not thread-safe: one command uses it at a time. Errors are
 * {@link CliException}s that name the file.
 */
final class Credentials {

    static final String FILE_NAME = "credentials.json";

    private final Path dir;
    private final JsonMapper json;

    Credentials(Path dir, JsonMapper json) {
        this.dir = dir;
        this.json = json;
    }

    Path file() {
        return dir.resolve(FILE_NAME);
    }

    /** The session remembered for {@code server}, if any. */
    Optional<Session> find(String server) {
        JsonNode entry = read().path("servers").path(server);
        String token = Json.text(entry, "token");
        return token == null ? Optional.empty() : Optional.of(new Session(server, Json.text(entry, "sessionId"), token));
    }

    /** Remembers {@code session} for its server, replacing an earlier one. */
    void save(Session session) {
        ObjectNode root = read();
        ObjectNode servers = root.has("servers") && root.get("servers").isObject()
                ? (ObjectNode) root.get("servers") : root.putObject("servers");
        ObjectNode entry = servers.putObject(session.server());
        entry.put("sessionId", session.sessionId());
        entry.put("token", session.token());
        entry.put("createdAt", Instant.now().toString());
        try {
            createDirectory();
            Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp", ownerOnly("rw-------"));
            try {
                Files.writeString(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
                Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILED, "cannot save the session token in " + file() + ": " + e);
        }
    }

    private ObjectNode read() {
        Path file = file();
        if (!Files.exists(file)) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(Files.readString(file));
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException | JacksonException e) {
            throw new CliException(ExitCode.FAILED, "cannot read " + file + " (" + e.getClass().getSimpleName()
                    + "); delete it to start a new session");
        }
        throw new CliException(ExitCode.FAILED, file + " is not a JSON object; delete it to start a new session");
    }

    private void createDirectory() throws IOException {
        if (!Files.isDirectory(dir)) {
            if (dir.getParent() != null) {
                Files.createDirectories(dir.getParent());
            }
            Files.createDirectory(dir, ownerOnly("rwx------"));
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
    }

    /**
     * A session on one server.
     *
     * @param server    the server's URL, as resolved by {@link ServerOptions}
     * @param sessionId the session's id ({@code null} when unknown)
     * @param token     its bearer token
     */
    record Session(String server, String sessionId, String token) {

        @Override
        public String toString() {
            return "Session[server=" + server + ", sessionId=" + sessionId + "]";
        }
    }
}
