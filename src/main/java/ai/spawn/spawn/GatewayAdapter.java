package ai.spawn.spawn;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import ai.spawn.gateway.GatewayProperties;
import ai.spawn.gateway.GatewayServer;
import org.springframework.stereotype.Component;

/** {@link AppGateway} on the Netty gateway of this node. */
@Component
class GatewayAdapter implements AppGateway {

    private final GatewayServer gateway;
    private final GatewayProperties properties;

    GatewayAdapter(GatewayServer gateway, GatewayProperties properties) {
        this.gateway = gateway;
        this.properties = properties;
    }

    @Override
    public String appUrl(String appId, int port) {
        return gateway.appUrl(appId, port);
    }

    @Override
    public String host(String appId, int port) {
        return port + "-" + appId + "." + properties.domain() + ":" + gateway.port();
    }

    @Override
    public void disconnect(String appId) {
        gateway.disconnect(appId);
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), gateway.port());
    }
}
