package ai.spawn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.spawn.text.TerminalText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SpawnAI REST API v1 over {@code java.net.http}. Every failure becomes a {@link CliException} with a readable
 * message (the problem's {@code detail}) and its exit code: 401 → {@link ExitCode#AUTH}, 404 and 410 →
 * {@link ExitCode#NOT_FOUND}, 400 → {@link ExitCode#USAGE}, 5xx → {@link ExitCode#SERVER_ERROR}, no connection →
 * {@link ExitCode#UNREACHABLE}, anything else → {@link ExitCode#FAILED}. Thread-safe if its {@link TokenSource} is.
 */
final class ApiClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]+)\"?");
    private static final String USER_AGENT = "spawnai-cli";

    private final String server;
    private final HttpClient http;
    private final JsonMapper json;
    private final TokenSource auth;

    ApiClient(String server, JsonMapper json, TokenSource auth) {
        this.server = server;
        this.json = json;
        this.auth = auth;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    String server() {
        return server;
    }

    /** {@code POST /api/v1/sessions}, without a token: {@code {"sessionId","token"}}. */
    JsonNode createSession() {
        HttpRequest request = request("/api/v1/sessions", CALL_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return parse(check(send(request, HttpResponse.BodyHandlers.ofByteArray()), false).body());
    }

    JsonNode get(String path) {
        return call(authorized(path, CALL_TIMEOUT).GET().build()).body();
    }

    Reply post(String path, JsonNode body) {
        byte[] bytes = json.writeValueAsBytes(body == null ? json.createObjectNode() : body);
        return call(authorized(path, CALL_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    JsonNode delete(String path) {
        return call(authorized(path, CALL_TIMEOUT).DELETE().build()).body();
    }

    /** A file answer, such as {@code GET /api/v1/apps/{id}/download}. */
    Download download(String path) {
        HttpRequest request = authorized(path, DOWNLOAD_TIMEOUT).header("Accept", "application/zip, */*").GET()
                .build();
        HttpResponse<byte[]> response = check(send(request, HttpResponse.BodyHandlers.ofByteArray()), true);
        String filename = response.headers().firstValue("Content-Disposition").map(FILENAME::matcher)
                .filter(Matcher::find).map(m -> m.group(1)).orElse(null);
        return new Download(response.body(), filename);
    }

    /** The app's progress events, after sequence number {@code after} (0 = from the start). */
    EventStream events(String appId, long after) {
        HttpRequest.Builder builder = authorized(appPath(appId, "/events"), null).header("Accept", "text/event-stream");
        if (after > 0) {
            builder.header("Last-Event-ID", Long.toString(after));
        }
        HttpResponse<InputStream> response = send(builder.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() / 100 != 2) {
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                body = new byte[0];
            }
            throw failure(response.statusCode(), body, true);
        }
        return new EventStream(response.body(), json, server);
    }

    /** {@code /api/v1/apps/{id}{suffix}}, refusing ids that could not be ids. */
    static String appPath(String appId, String suffix) {
        if (appId == null || !APP_ID.matcher(appId).matches()) {
            throw CliException.usage("'" + appId + "' is not an app id (ids are letters, digits, '-' and '_';"
                    + " see `spawnai list`)");
        }
        return "/api/v1/apps/" + appId + suffix;
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server + path))
                .header("User-Agent", USER_AGENT).header("Accept", "application/json");
        if (timeout != null) {
            builder.timeout(timeout);
        }
        return builder;
    }

    private HttpRequest.Builder authorized(String path, Duration timeout) {
        return request(path, timeout).header("Authorization", "Bearer " + auth.token(this));
    }

    private Reply call(HttpRequest request) {
        HttpResponse<byte[]> response = check(send(request, HttpResponse.BodyHandlers.ofByteArray()), true);
        return new Reply(parse(response.body()), serverTime(response));
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.FAILED, "interrupted");
        }
    }

    private HttpResponse<byte[]> check(HttpResponse<byte[]> response, boolean authorized) {
        if (response.statusCode() / 100 == 2) {
            return response;
        }
        throw failure(response.statusCode(), response.body(), authorized);
    }

    private CliException unreachable(IOException e) {
        String reason;
        if (e instanceof HttpConnectTimeoutException) {
            reason = "connection timed out";
        } else if (e instanceof HttpTimeoutException) {
            return new CliException(ExitCode.UNREACHABLE, "SpawnAI at " + server + " did not answer in time");
        } else if (causedBy(e, ConnectException.class)) {
            reason = "connection refused";
        } else if (causedBy(e, UnknownHostException.class) || causedBy(e, UnresolvedAddressException.class)) {
            reason = "unknown host";
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new CliException(ExitCode.UNREACHABLE, "lost the connection to SpawnAI at " + server + ": "
                    + reason, e);
        }
        return new CliException(ExitCode.UNREACHABLE, "cannot reach SpawnAI at " + server + ": " + reason
                + ". Is `./spawnai serve` running?", e);
    }

    private CliException failure(int status, byte[] body, boolean authorized) {
        String detail = detail(body);
        if (status == 401 && authorized) {
            return new CliException(ExitCode.AUTH, auth.refused(server));
        }
        if (status == 404 && detail != null && detail.startsWith("No static resource")) {
            return new CliException(ExitCode.FAILED, "the server at " + server + " does not offer this call;"
                    + " it may be older than this client");
        }
        if (status >= 500) {
            return new CliException(ExitCode.SERVER_ERROR, "SpawnAI at " + server + " failed (HTTP " + status + ")"
                    + (detail == null ? "" : ": " + detail));
        }
        String message = detail != null ? detail : "HTTP " + status + " from " + server;
        return new CliException(switch (status) {
            case 400 -> ExitCode.USAGE;
            case 401 -> ExitCode.AUTH;
            case 404, 410 -> ExitCode.NOT_FOUND;
            default -> ExitCode.FAILED;
        }, message);
    }

    private String detail(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode problem = json.readTree(body);
            String detail = Json.text(problem, "detail");
            return detail != null ? detail : Json.text(problem, "title");
        } catch (JacksonException e) {
            String text = TerminalText.clean(new String(body, StandardCharsets.UTF_8)).strip();
            return text.isEmpty() || text.length() > 300 || text.startsWith("<") ? null : text;
        }
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new CliException(ExitCode.SERVER_ERROR, "SpawnAI at " + server + " sent an answer that is not JSON");
        }
    }

    private static Instant serverTime(HttpResponse<?> response) {
        return response.headers().firstValue("Date").map(date -> {
            try {
                return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }).orElse(null);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A JSON answer.
     *
     * @param body       the parsed body (an empty object for an empty body)
     * @param serverTime the server's {@code Date} header (whole seconds), or {@code null}
     */
    record Reply(JsonNode body, Instant serverTime) { }

    /**
     * A downloaded file.
     *
     * @param bytes    its content
     * @param filename the name the server suggests, or {@code null}
     */
    record Download(byte[] bytes, String filename) { }
}
