package ai.spawn.sandbox.local;

import java.util.HashMap;
import java.util.Map;

/**
 * The app's own unix socket, next to the relay's: node apps are started with a preload ({@value #PRELOAD} in the
 * read-only tools directory, through {@code NODE_OPTIONS}) that, once a server of the app listens on {@code $PORT},
 * also listens on {@code /run/sbx/}{@value #SOCKET} and hands that socket's connections to the same server. The
 * gateway uses it when it is there and takes connections, else the relay ({@code socat} on
 * {@link SandboxDirs#SOCKET}, which serves every runtime). Measured with {@code bench/gateway}: the relay cost more
 * cpu per request than a small node app, inside the app's cpu quota, and a process per connection inside its pids
 * limit; the direct socket costs neither. An app whose start command sets {@code NODE_OPTIONS} itself, or that does
 * not listen through {@code net.Server}, keeps the relay. Stateless, thread-safe.
 */
final class DirectSocket {

    /** The preload's file name in the tools directory. */
    static final String PRELOAD = "direct-socket.js";
    /** The socket's name in the run directory. */
    static final String SOCKET = "direct.sock";
    /** The variable telling the preload where to listen. */
    static final String ENV = "SPAWNAI_APP_SOCKET";

    private static final String REQUIRE = "--require=" + BwrapCommand.TOOLS_DIR + "/" + PRELOAD;

    private DirectSocket() {
    }

    /**
     * {@code env} plus what the preload needs: where to listen, and {@code NODE_OPTIONS} with the preload first
     * (an app's own {@code NODE_OPTIONS} kept after it). Other runtimes ignore both.
     */
    static Map<String, String> appEnv(Map<String, String> env) {
        Map<String, String> withPreload = new HashMap<>(env);
        withPreload.put(ENV, BwrapCommand.RUN_DIR + "/" + SOCKET);
        String options = env.getOrDefault("NODE_OPTIONS", "").strip();
        withPreload.put("NODE_OPTIONS", options.isEmpty() ? REQUIRE : REQUIRE + " " + options);
        return withPreload;
    }
}
