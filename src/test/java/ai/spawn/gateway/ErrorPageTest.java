package ai.spawn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.FullHttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ErrorPageTest {

    @Test
    void rendersHtmlThatIsNeverCached() {
        FullHttpResponse response = ErrorPage.gone("Expired after 1 h.").render(true, false, true);

        assertThat(response.status().code()).isEqualTo(410);
        assertThat(response.headers().get("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(response.headers().get("Cache-Control")).isEqualTo("no-store");
        assertThat(response.headers().contains("Connection")).isFalse();
        String body = response.content().toString(StandardCharsets.UTF_8);
        assertThat(body).startsWith("<!doctype html>").contains("This app is gone", "Expired after 1 h.");
        assertThat(response.headers().getInt("Content-Length")).isEqualTo(response.content().readableBytes());
    }

    @Test
    void rendersPlainTextForClientsThatDoNotAskForHtml() {
        FullHttpResponse response = ErrorPage.noApp("3000-x.localhost").render(false, false, false);

        assertThat(response.status().code()).isEqualTo(404);
        assertThat(response.headers().get("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(response.headers().get("Connection")).isEqualTo("close");
        assertThat(response.content().toString(StandardCharsets.UTF_8))
                .isEqualTo("404 No app here\nThere is no app at 3000-x.localhost. Check the address.\n");
    }

    @Test
    void escapesTextInHtml() {
        String body = ErrorPage.unavailable("<script>alert(1)</script>").render(true, false, true)
                .content().toString(StandardCharsets.UTF_8);

        assertThat(body).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void temporaryConditionsAskToRetry() {
        FullHttpResponse response = ErrorPage.unavailable("Starting").render(true, false, true);

        assertThat(response.status().code()).isEqualTo(503);
        assertThat(response.headers().get("Retry-After")).isEqualTo("3");
        assertThat(response.content().toString(StandardCharsets.UTF_8)).contains("http-equiv=\"refresh\"");
        assertThat(ErrorPage.notAnswering().render(true, false, true).headers().contains("Retry-After")).isFalse();
    }

    @Test
    void headResponsesKeepTheLengthButHaveNoBody() {
        FullHttpResponse response = ErrorPage.tooLarge(DataSize.ofMegabytes(10)).render(false, true, false);

        assertThat(response.status().code()).isEqualTo(413);
        assertThat(response.content().readableBytes()).isZero();
        assertThat(response.headers().getInt("Content-Length")).isPositive();
    }

    @Test
    void fillsInMissingMessages() {
        assertThat(ErrorPage.gone(null).detail()).isNotBlank();
        assertThat(ErrorPage.unavailable(" ").detail()).isNotBlank();
    }
}
