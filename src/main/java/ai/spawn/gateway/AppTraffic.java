package ai.spawn.gateway;

/**
 * What the gateway has carried for one app since it first routed to it (or since it was last forgotten).
 *
 * @param appId           the app
 * @param requests        requests forwarded, WebSocket upgrades included
 * @param bytesIn         bytes received from clients
 * @param bytesOut        bytes sent to clients
 * @param openConnections client connections currently routed to the app
 */
public record AppTraffic(String appId, long requests, long bytesIn, long bytesOut, int openConnections) {

    static AppTraffic none(String appId) {
        return new AppTraffic(appId, 0, 0, 0, 0);
    }
}
