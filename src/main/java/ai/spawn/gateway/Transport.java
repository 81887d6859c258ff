package ai.spawn.gateway;

import ai.spawn.sandbox.SandboxEndpoint;
import io.netty.channel.Channel;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/** The Netty transport in use: native epoll where it loads (Linux), the JDK's NIO elsewhere. Immutable. */
record Transport(String name, IoHandlerFactory ioHandlerFactory, Class<? extends ServerChannel> serverChannel,
                 Class<? extends Channel> tcpChannel, Class<? extends Channel> unixChannel, boolean epoll) {

    static Transport detect() {
        if (Epoll.isAvailable()) {
            return new Transport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class,
                    EpollSocketChannel.class, EpollDomainSocketChannel.class, true);
        }
        return new Transport("nio (epoll unavailable: " + Epoll.unavailabilityCause() + ")", NioIoHandler.newFactory(),
                NioServerSocketChannel.class, NioSocketChannel.class, NioDomainSocketChannel.class, false);
    }

    Class<? extends Channel> channelFor(SandboxEndpoint endpoint) {
        return endpoint instanceof SandboxEndpoint.UnixSocket ? unixChannel : tcpChannel;
    }

    /**
     * The address to connect to. A TCP host name is resolved here, blocking: endpoints are expected to carry IP
     * addresses or names the system resolves from memory ({@code localhost}, {@code /etc/hosts}).
     */
    SocketAddress addressOf(SandboxEndpoint endpoint) {
        if (endpoint instanceof SandboxEndpoint.UnixSocket unix) {
            return unixAddress(unix.path());
        }
        SandboxEndpoint.Tcp tcp = (SandboxEndpoint.Tcp) endpoint;
        return new InetSocketAddress(tcp.host(), tcp.port());
    }

    /** The address of a unix socket file. */
    SocketAddress unixAddress(Path path) {
        return epoll ? new DomainSocketAddress(path.toString()) : UnixDomainSocketAddress.of(path);
    }
}
