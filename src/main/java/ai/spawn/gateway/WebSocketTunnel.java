package ai.spawn.gateway;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpServerCodec;

/** Turns a client connection and its upstream connection from HTTP into a raw byte relay after a 101. */
final class WebSocketTunnel {

    private WebSocketTunnel() {
    }

    /**
     * Removes the HTTP codecs of both connections; the 101 must already have been written to the client. Bytes the
     * codecs still hold are relayed as they are removed, so the order matters: the upstream encoder must already let
     * raw bytes through when the client's leftovers arrive, and the client's codec must be gone when the app's
     * leftovers (often a first frame right behind the 101) arrive.
     */
    static void open(Channel client, Channel upstream) {
        HttpClientCodec codec = upstream.pipeline().get(HttpClientCodec.class);
        codec.prepareUpgradeFrom(upstream.pipeline().context(codec));
        client.pipeline().remove(HttpServerCodec.class);
        upstream.pipeline().remove(codec);
    }
}
