package ai.spawn.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code text/event-stream} frames (the subset of the SSE format the server writes: {@code id:},
 * {@code event:}, {@code data:}, comments) and yields the {@code progress} events. Hand-rolled because the JDK has
 * no SSE client and the format is a few lines; adding an HTTP library for it would slow the client's start.
 * Not thread-safe; close it to drop the connection.
 */
final class EventStream implements Closeable {

    private final BufferedReader reader;
    private final JsonMapper json;
    private final String server;

    EventStream(InputStream in, JsonMapper json, String server) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.json = json;
        this.server = server;
    }

    /** The next progress event, or {@code null} when the server ended the stream. */
    ProgressEvent next() throws IOException {
        String event = null;
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data.length() > 0 && (event == null || event.equals("progress"))) {
                    return parse(data.toString());
                }
                event = null;
                data.setLength(0);
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(value(line, 5));
            } else if (line.startsWith("event:")) {
                event = value(line, 6);
            }
        }
        return null;
    }

    private ProgressEvent parse(String data) {
        try {
            return ProgressEvent.of(json.readTree(data));
        } catch (JacksonException e) {
            throw new CliException(ExitCode.SERVER_ERROR, "SpawnAI at " + server + " sent a malformed progress event");
        }
    }

    private static String value(String line, int prefix) {
        String value = line.substring(prefix);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
