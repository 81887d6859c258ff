package ai.spawn.sandbox.local;

/**
 * How often a sandbox's cgroups refused something so far: processes the OOM killer killed at the memory limit and
 * forks or thread creations refused at the pids limit. The kernel's counters only grow.
 *
 * @param oomKills     v1 {@code memory.oom_control oom_kill}, v2 {@code memory.events oom_kill}
 * @param forksRefused {@code pids.events max}
 */
record LimitCounters(long oomKills, long forksRefused) {

    static final LimitCounters NONE = new LimitCounters(0, 0);

    /** What was counted since {@code earlier}; never negative (a removed cgroup reads as zero). */
    LimitCounters since(LimitCounters earlier) {
        return new LimitCounters(Math.max(0, oomKills - earlier.oomKills),
                Math.max(0, forksRefused - earlier.forksRefused));
    }
}
