package ai.spawn.gateway;

/** What every client connection's handler shares. Immutable; its parts are thread-safe. */
record ProxyContext(GatewayProperties properties, RequestRouter router, UpstreamPools pools, AppWakes wakes) {
}
