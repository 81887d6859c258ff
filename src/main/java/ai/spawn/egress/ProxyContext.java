package ai.spawn.egress;

import java.util.concurrent.Executor;

/** What every connection of one proxy shares. Immutable. */
record ProxyContext(EgressPolicy policy, HostResolver resolver, EgressListener listener,
                    EgressProperties properties, Executor executor) {
}
