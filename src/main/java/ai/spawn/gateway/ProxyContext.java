package ai.spawn.gateway;

/** What every client connection's handler shares. Immutable; its parts are thread-safe. */
record ProxyContext(GatewayProperties properties, RouteResolver resolver, UpstreamPools pools, AppConnections apps) {
}
