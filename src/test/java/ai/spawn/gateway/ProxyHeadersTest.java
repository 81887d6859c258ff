package ai.spawn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class ProxyHeadersTest {

    private static final String HOST = "3000-abc.localhost:8081";

    @Test
    void stripsHopByHopHeadersIncludingThoseNamedInConnection() throws UnknownHostException {
        HttpRequest request = request();
        request.headers()
                .add("Connection", "keep-alive, X-Secret")
                .add("Connection", "x-other")
                .add("X-Secret", "1").add("X-Other", "2").add("Keep-Alive", "timeout=5")
                .add("Proxy-Connection", "keep-alive").add("Proxy-Authorization", "Basic eA==")
                .add("TE", "trailers").add("Trailer", "X-T").add("Upgrade", "h2c").add("X-Kept", "yes");

        ProxyHeaders.prepareRequest(request, false, InetAddress.getByName("10.1.2.3"), HOST, "http");

        HttpHeaders headers = request.headers();
        assertThat(headers.names()).map(String::toLowerCase).doesNotContain("connection", "x-secret", "x-other",
                "keep-alive", "proxy-connection", "proxy-authorization", "te", "trailer", "upgrade");
        assertThat(headers.get("X-Kept")).isEqualTo("yes");
        assertThat(headers.get("Host")).isEqualTo(HOST);
    }

    @Test
    void neverStripsFramingOrHostBecauseConnectionNamesThem() throws UnknownHostException {
        HttpRequest request = request();
        request.headers().add("Connection", "Content-Length, Host").add("Content-Length", "5");

        ProxyHeaders.prepareRequest(request, false, InetAddress.getByName("10.1.2.3"), HOST, "http");

        assertThat(request.headers().get("Content-Length")).isEqualTo("5");
        assertThat(request.headers().get("Host")).isEqualTo(HOST);
    }

    @Test
    void keepsAChunkedBodyChunked() throws UnknownHostException {
        HttpRequest request = request();
        request.headers().add("Transfer-Encoding", "chunked").add("Content-Length", "10");

        ProxyHeaders.prepareRequest(request, false, InetAddress.getByName("10.1.2.3"), HOST, "http");

        assertThat(request.headers().get("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(request.headers().contains("Content-Length")).isFalse();
    }

    @Test
    void replacesForwardingHeadersTheClientSent() throws UnknownHostException {
        HttpRequest request = request();
        request.headers().add("X-Forwarded-For", "6.6.6.6").add("Forwarded", "for=6.6.6.6")
                .add("X-Forwarded-Host", "evil").add("X-Forwarded-Proto", "https").add("X-Real-IP", "6.6.6.6");

        ProxyHeaders.prepareRequest(request, false, InetAddress.getByName("10.1.2.3"), HOST, "http");

        HttpHeaders headers = request.headers();
        assertThat(headers.getAll("X-Forwarded-For")).containsExactly("10.1.2.3");
        assertThat(headers.getAll("X-Forwarded-Proto")).containsExactly("http");
        assertThat(headers.getAll("X-Forwarded-Host")).containsExactly(HOST);
        assertThat(headers.getAll("Forwarded")).containsExactly("for=10.1.2.3;host=\"" + HOST + "\";proto=http");
        assertThat(headers.contains("X-Real-IP")).isFalse();
    }

    @Test
    void quotesIpv6InForwarded() throws UnknownHostException {
        assertThat(ProxyHeaders.forwarded(InetAddress.getByName("::1"), HOST, "https"))
                .isEqualTo("for=\"[0:0:0:0:0:0:0:1]\";host=\"" + HOST + "\";proto=https");
    }

    @Test
    void keepsTheUpgradeOfAWebSocketHandshake() throws UnknownHostException {
        HttpRequest request = request();
        request.headers().add("Connection", "keep-alive, Upgrade").add("Upgrade", "websocket")
                .add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").add("Sec-WebSocket-Version", "13");
        assertThat(ProxyHeaders.isWebSocketUpgrade(request)).isTrue();

        ProxyHeaders.prepareRequest(request, true, InetAddress.getByName("10.1.2.3"), HOST, "http");

        assertThat(request.headers().get("Connection")).isEqualTo("upgrade");
        assertThat(request.headers().get("Upgrade")).isEqualTo("websocket");
        assertThat(request.headers().get("Sec-WebSocket-Key")).isEqualTo("dGhlIHNhbXBsZSBub25jZQ==");
    }

    @Test
    void recognisesOnlyWebSocketUpgrades() {
        HttpRequest h2c = request();
        h2c.headers().add("Connection", "Upgrade, HTTP2-Settings").add("Upgrade", "h2c");
        HttpRequest post = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/");
        post.headers().add("Connection", "Upgrade").add("Upgrade", "websocket");
        HttpRequest noConnection = request();
        noConnection.headers().add("Upgrade", "websocket");

        assertThat(ProxyHeaders.isWebSocketUpgrade(h2c)).isFalse();
        assertThat(ProxyHeaders.isWebSocketUpgrade(post)).isFalse();
        assertThat(ProxyHeaders.isWebSocketUpgrade(noConnection)).isFalse();
    }

    @Test
    void stripsHopByHopHeadersFromResponses() {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().add("Connection", "close, X-Internal").add("X-Internal", "1").add("Keep-Alive", "x")
                .add("Transfer-Encoding", "chunked").add("Content-Type", "text/plain").add("Set-Cookie", "a=b");

        ProxyHeaders.prepareResponse(response, false);

        assertThat(response.headers().names()).map(String::toLowerCase)
                .containsExactlyInAnyOrder("content-type", "set-cookie");
    }

    private static HttpRequest request() {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        request.headers().add("Host", HOST);
        return request;
    }
}
