package ai.spawn.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class SpawnStateTest {

    @Test
    void happyPathFromPromptIsAllowed() {
        assertThat(SpawnState.QUEUED.canMoveTo(SpawnState.GENERATING)).isTrue();
        assertThat(SpawnState.GENERATING.canMoveTo(SpawnState.VALIDATING)).isTrue();
        assertThat(SpawnState.VALIDATING.canMoveTo(SpawnState.PROVISIONING)).isTrue();
        assertThat(SpawnState.PROVISIONING.canMoveTo(SpawnState.INSTALLING)).isTrue();
        assertThat(SpawnState.INSTALLING.canMoveTo(SpawnState.STARTING)).isTrue();
        assertThat(SpawnState.STARTING.canMoveTo(SpawnState.LIVE)).isTrue();
    }

    @Test
    void bundleSkipsGenerationAndInstallIsOptional() {
        assertThat(SpawnState.QUEUED.canMoveTo(SpawnState.VALIDATING)).isTrue();
        assertThat(SpawnState.PROVISIONING.canMoveTo(SpawnState.STARTING)).isTrue();
    }

    @Test
    void destroyedIsTerminal() {
        for (SpawnState s : SpawnState.values()) {
            assertThat(SpawnState.DESTROYED.canMoveTo(s)).as("DESTROYED -> %s", s).isFalse();
        }
    }

    @Test
    void rejectsTransitionFromExpiredToLive() {
        assertThat(SpawnState.EXPIRED.canMoveTo(SpawnState.LIVE)).isFalse();
        assertThat(SpawnState.EXPIRED.next()).containsExactly(SpawnState.DESTROYED);
    }

    @Test
    void rejectsSkippingTheHealthCheck() {
        assertThat(SpawnState.QUEUED.canMoveTo(SpawnState.LIVE)).isFalse();
        assertThat(SpawnState.PROVISIONING.canMoveTo(SpawnState.LIVE)).isFalse();
        assertThat(SpawnState.GENERATING.canMoveTo(SpawnState.STARTING)).isFalse();
    }

    @Test
    void everyStateExceptDestroyedCanBeDestroyed() {
        for (SpawnState s : EnumSet.complementOf(EnumSet.of(SpawnState.DESTROYED))) {
            assertThat(s.canMoveTo(SpawnState.DESTROYED)).as("%s -> DESTROYED", s).isTrue();
        }
    }

    @Test
    void failedCanBeRetriedButNotRevived() {
        assertThat(SpawnState.FAILED.canMoveTo(SpawnState.QUEUED)).isTrue();
        assertThat(SpawnState.FAILED.canMoveTo(SpawnState.LIVE)).isFalse();
    }

    @Test
    void liveCanBeRestartedFromStoredFiles() {
        assertThat(SpawnState.LIVE.canMoveTo(SpawnState.PROVISIONING)).isTrue();
    }

    @Test
    void updatesReturnToLiveAndOnlyComeFromLive() {
        assertThat(SpawnState.LIVE.canMoveTo(SpawnState.UPDATING)).isTrue();
        assertThat(SpawnState.UPDATING.canMoveTo(SpawnState.LIVE)).isTrue();
        assertThat(SpawnState.FAILED.canMoveTo(SpawnState.UPDATING)).isFalse();
        assertThat(SpawnState.STARTING.canMoveTo(SpawnState.UPDATING)).isFalse();
    }

    @Test
    void fixLoopGoesBackToGenerationFromEveryFailingStep() {
        assertThat(SpawnState.VALIDATING.canMoveTo(SpawnState.GENERATING)).isTrue();
        assertThat(SpawnState.INSTALLING.canMoveTo(SpawnState.GENERATING)).isTrue();
        assertThat(SpawnState.STARTING.canMoveTo(SpawnState.GENERATING)).isTrue();
        assertThat(SpawnState.LIVE.canMoveTo(SpawnState.GENERATING)).isFalse();
    }

    @Test
    void crashedAppsAreRestartedOrRetriedButNeverLiveDirectly() {
        assertThat(SpawnState.LIVE.canMoveTo(SpawnState.CRASHED)).isTrue();
        assertThat(SpawnState.CRASHED.canMoveTo(SpawnState.STARTING)).isTrue();
        assertThat(SpawnState.CRASHED.canMoveTo(SpawnState.QUEUED)).isTrue();
        assertThat(SpawnState.CRASHED.canMoveTo(SpawnState.LIVE)).isFalse();
        assertThat(SpawnState.CRASHED.inProgress()).isFalse();
    }

    @Test
    void classifiesStates() {
        assertThat(EnumSet.allOf(SpawnState.class).stream().filter(SpawnState::inProgress))
                .containsExactly(SpawnState.QUEUED, SpawnState.GENERATING, SpawnState.VALIDATING,
                        SpawnState.PROVISIONING, SpawnState.INSTALLING, SpawnState.STARTING);
        assertThat(EnumSet.allOf(SpawnState.class).stream().filter(SpawnState::isFinal))
                .containsExactly(SpawnState.EXPIRED, SpawnState.DESTROYED);
    }
}
