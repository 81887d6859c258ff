package ai.spawn.validation;

import static ai.spawn.validation.TestBundles.node;
import static ai.spawn.validation.TestBundles.python;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkRuleTest {

    private final NetworkRule rule = new NetworkRule(new CodeUnits());

    @ParameterizedTest
    @ValueSource(strings = {
            "app.listen(8080);",
            "server.listen(4444, '0.0.0.0', () => {});",
            "const PORT = 5000;\napp.listen(PORT);",
            "server.listen({ host: '0.0.0.0', port: 9229 });",
            "const wss = new WebSocketServer({ port: 8081 });",
            "const wss = new WebSocket.Server({ port: 8081 });",
            "const io = require('socket.io')(3001);",
            "require('net').createServer(onConn).listen(31337);",
            "socket.bind(41234);"})
    void warnsAboutListenersOnOtherPortsInJavaScript(String code) {
        List<Finding> findings = rule.check(node("server.js", code));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("net.other-port");
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.message()).contains("3000").contains("process.env.PORT");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "app.run(host='0.0.0.0', port=5000)",
            "app.run(\n    debug=True,\n    port=5001,\n)",
            "uvicorn.run(app, host='0.0.0.0', port=8080)",
            "HTTPServer(('', 9000), Handler).serve_forever()",
            "s = socket.socket()\ns.bind(('0.0.0.0', 4444))",
            "PORT = 5000\napp.run(port=PORT)",
            "web.run_app(app, port=8081)",
            "serve(app, host='0.0.0.0', port=8080)",
            "make_server('', 8001, app)"})
    void warnsAboutListenersOnOtherPortsInPython(String code) {
        assertThat(rule.check(python("app.py", code))).singleElement()
                .satisfies(f -> assertThat(f.rule()).isEqualTo("net.other-port"));
    }

    @Test
    void warnsAboutAStartCommandOnAnotherPort() {
        var bundle = TestBundles.withCommands(python("app.py", "print(1)"), null, "python3 -m http.server 8080");
        var gunicorn = TestBundles.withCommands(python("app.py", "print(1)"), null, "gunicorn -b 0.0.0.0:5000 app:app");

        assertThat(rule.check(bundle)).extracting(Finding::rule, Finding::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("net.other-port", null));
        assertThat(rule.check(gunicorn)).hasSize(1);
    }

    @Test
    void acceptsTheBundlePortAndThePortVariable() {
        String server = """
                const PORT = process.env.PORT || 8080;
                app.listen(PORT, () => console.log('up'));
                server.listen(3000);
                const port = Number.parseInt(process.env.PORT || '3000', 10);
                server.listen(port, host);
                const wss = new WebSocketServer({ server });
                const bound = handler.bind(this);
                // app.listen(9999) in a comment
                const doc = 'app.listen(9999)';
                """;
        String app = """
                import os
                app.run(host='0.0.0.0', port=int(os.environ.get('PORT', 5000)))
                app.run(port=8000)
                uvicorn.run(app, port=int(os.environ['PORT']))
                """;

        assertThat(rule.check(node("server.js", server))).isEmpty();
        assertThat(rule.check(python("app.py", app))).isEmpty();
        assertThat(rule.check(TestBundles.withCommands(python("app.py", "x = 1"), null,
                "gunicorn -b 0.0.0.0:$PORT app:app"))).isEmpty();
        assertThat(rule.check(TestBundles.withCommands(python("app.py", "x = 1"), null,
                "uvicorn main:app --port 8000"))).isEmpty();
        assertThat(rule.check(TestBundles.app("todo-express"))).isEmpty();
        assertThat(rule.check(TestBundles.app("flask-notes"))).isEmpty();
        assertThat(rule.check(TestBundles.app("node-http"))).isEmpty();
    }
}
