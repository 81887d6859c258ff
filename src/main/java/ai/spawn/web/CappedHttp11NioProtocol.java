package ai.spawn.web;

import ai.spawn.AddressCounts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's NIO HTTP/1.1 protocol with a cap on the connections one client address holds at once
 * ({@code spawnai.api.max-connections-per-client}); Tomcat has none of its own. A connection over the cap is closed
 * at accept, before a byte is read; a connection stops counting when Tomcat closes it (it leaves the endpoint's
 * connection map then, exactly once). Without {@link #setMaxConnectionsPerClient} nothing is capped.
 * Public with a no-argument constructor because Tomcat creates its protocol by class name.
 */
public class CappedHttp11NioProtocol extends Http11NioProtocol {

    public CappedHttp11NioProtocol() {
        super(new CappedNioEndpoint());
    }

    /** Caps connections per client address from now on; call before the connector starts. */
    void setMaxConnectionsPerClient(int max) {
        ((CappedNioEndpoint) getEndpoint()).perClient = new AddressCounts(max);
    }

    /** The connections {@code address} holds now; for tests and metrics. */
    int connections(InetAddress address) {
        AddressCounts counts = ((CappedNioEndpoint) getEndpoint()).perClient;
        return counts == null ? 0 : counts.count(address);
    }

    private static final class CappedNioEndpoint extends NioEndpoint {

        private static final Logger log = LoggerFactory.getLogger(CappedHttp11NioProtocol.class);

        /** Accepted connections that are counted, with the address they count for. */
        private final Map<SocketChannel, InetAddress> counted = new ConcurrentHashMap<>();
        private volatile AddressCounts perClient;

        CappedNioEndpoint() {
            // Tomcat puts every accepted connection into this map and removes it once when the connection closes
            connections = new ConcurrentHashMap<>() {
                @Override
                public SocketWrapperBase<NioChannel> remove(Object key) {
                    SocketWrapperBase<NioChannel> removed = super.remove(key);
                    release(key);
                    return removed;
                }
            };
        }

        @Override
        protected boolean setSocketOptions(SocketChannel socket) {
            AddressCounts counts = perClient;
            InetAddress address = counts == null ? null : address(socket);
            if (address != null) {
                if (!counts.tryAdd(address)) {
                    log.debug("API connection from {} refused: it holds {} already", address, counts.max());
                    // the acceptor's closeSocket closes only sockets with a wrapper: this one has none yet
                    destroySocket(socket);
                    return false;
                }
                counted.put(socket, address);
            }
            boolean registered = super.setSocketOptions(socket);
            if (!registered) {
                release(socket);
            }
            return registered;
        }

        private void release(Object socket) {
            InetAddress address = counted.remove(socket);
            if (address != null) {
                perClient.remove(address);
            }
        }

        private static InetAddress address(SocketChannel socket) {
            try {
                SocketAddress remote = socket.getRemoteAddress();
                return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
            } catch (IOException e) {
                return null; // already gone: Tomcat's own handling closes it
            }
        }
    }
}
