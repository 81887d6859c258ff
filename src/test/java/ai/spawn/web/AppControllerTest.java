package ai.spawn.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import ai.spawn.spawn.InvalidAppRequestException;
import org.junit.jupiter.api.Test;

class AppControllerTest {

    @Test
    void parsesIsoAndShortDurations() {
        assertThat(AppController.parseDuration("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(AppController.parseDuration("pt30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(AppController.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(AppController.parseDuration("45m")).isEqualTo(Duration.ofMinutes(45));
        assertThat(AppController.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void rejectsMalformedDurations() {
        assertThatThrownBy(() -> AppController.parseDuration("soon"))
                .isInstanceOf(InvalidAppRequestException.class).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> AppController.parseDuration(" "))
                .isInstanceOf(InvalidAppRequestException.class);
        assertThatThrownBy(() -> AppController.parseDuration(null))
                .isInstanceOf(InvalidAppRequestException.class);
    }

    @Test
    void readsBearerTokensAndQueryTokensOnlyForEventStreams() {
        assertThat(SessionAuth.token("Bearer abc", "/api/v1/apps", null)).isEqualTo("abc");
        assertThat(SessionAuth.token("bearer  abc ", "/api/v1/apps", null)).isEqualTo("abc");
        assertThat(SessionAuth.token(null, "/api/v1/apps/x/events", "tok")).isEqualTo("tok");
        assertThat(SessionAuth.token(null, "/api/v1/apps/x", "tok")).isNull();
        assertThat(SessionAuth.token("Basic xyz", "/api/v1/apps", null)).isNull();
    }
}
