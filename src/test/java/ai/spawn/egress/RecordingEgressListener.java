package ai.spawn.egress;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what an egress proxy reports. Thread-safe. */
public final class RecordingEgressListener implements EgressListener {

    /** One refusal as reported. */
    public record Refusal(String sandboxId, String host, int port, String reason) {
    }

    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private final List<String> connections = new CopyOnWriteArrayList<>();

    @Override
    public void refused(String sandboxId, String host, int port, String reason) {
        refusals.add(new Refusal(sandboxId, host, port, reason));
    }

    @Override
    public void connected(String sandboxId, String host, int port) {
        connections.add(sandboxId + " " + host + ":" + port);
    }

    public List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** {@code "sandboxId host:port"} of each connection made. */
    public List<String> connections() {
        return List.copyOf(connections);
    }
}
