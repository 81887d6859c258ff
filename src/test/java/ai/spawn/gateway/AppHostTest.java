package ai.spawn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AppHostTest {

    @Test
    void parsesPortAndAppId() {
        assertThat(AppHost.parse("3000-abc123.localhost", "localhost")).contains(new AppHost(3000, "abc123"));
    }

    @Test
    void ignoresTheListenerPort() {
        assertThat(AppHost.parse("3000-abc123.localhost:8081", "localhost")).contains(new AppHost(3000, "abc123"));
    }

    @Test
    void ignoresLetterCaseAndATrailingDot() {
        assertThat(AppHost.parse("8080-AbC.LocalHost.:80", "localhost")).contains(new AppHost(8080, "abc"));
    }

    @Test
    void worksUnderAMultiLabelDomain() {
        assertThat(AppHost.parse("5173-x9.apps.example.com", "apps.example.com")).contains(new AppHost(5173, "x9"));
    }

    @Test
    void acceptsTheWholePortRange() {
        assertThat(AppHost.parse("1-a.localhost", "localhost")).contains(new AppHost(1, "a"));
        assertThat(AppHost.parse("65535-a.localhost", "localhost")).contains(new AppHost(65535, "a"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "", "localhost", "localhost:8081", ".localhost", "abc.localhost", "3000.localhost", "3000-.localhost",
            "-abc.localhost", "3000-abc", "3000-abc.localhost.evil.com", "3000-abc.otherhost",
            "x.3000-abc.localhost", "3000-abc.x.localhost", "3000-ab_c.localhost", "3000-ab-c.localhost",
            "03000-abc.localhost", "0-abc.localhost", "65536-abc.localhost", "123456-abc.localhost",
            "3000-abc.localhost:", "3000-abc.localhost:80a", "3000-abc.localhost:123456", "[::1]:8081",
            "127.0.0.1:8081", "3000-abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij.localhost",
            "3000-äbc.localhost", "3000-abc.localhost@evil.com"})
    void rejectsEverythingElse(String host) {
        assertThat(AppHost.parse(host, "localhost")).isEmpty();
    }

    @Test
    void validatesAppIds() {
        assertThat(AppHost.isValidAppId("abc123")).isTrue();
        assertThat(AppHost.isValidAppId("Abc")).isFalse();
        assertThat(AppHost.isValidAppId("a-b")).isFalse();
        assertThat(AppHost.isValidAppId("")).isFalse();
        assertThat(AppHost.isValidAppId(null)).isFalse();
    }
}
