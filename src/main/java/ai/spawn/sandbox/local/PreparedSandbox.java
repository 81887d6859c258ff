package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxLimits;

/**
 * A sandbox's resources, made and ready to be handed to a {@link LocalSandbox}: its directories, mounted
 * workspace and cgroups with {@code limits}. Holds one slot of {@link SandboxSlots}.
 *
 * @param id       the sandbox id
 * @param template the template it was made for
 * @param limits   the limits its cgroups and workspace have
 * @param target   what its commands run against
 * @param writer   a {@link WarmWriter} started ahead, or {@code null}
 * @param app      an app chain ({@link AppLaunch}) launched ahead, or {@code null}
 */
record PreparedSandbox(String id, String template, SandboxLimits limits, BwrapCommand.Target target,
                       Process writer, Process app) {

    PreparedSandbox withWarm(Process startedWriter, Process launchedApp) {
        return new PreparedSandbox(id, template, limits, target, startedWriter, launchedApp);
    }
}
