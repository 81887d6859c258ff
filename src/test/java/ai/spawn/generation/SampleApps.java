package ai.spawn.generation;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code deliver_app} inputs as a model would write them, for the engine tests. */
public final class SampleApps {

    private static final JsonMapper JSON = JsonMapper.shared();

    private SampleApps() {
    }

    /** A small node app: server.js, public/index.html and public/app.js, with braces and quotes in the code. */
    public static Map<String, String> todoFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("server.js", """
                const http = require('http');
                const fs = require('fs');
                const port = process.env.PORT || 3000;
                http.createServer((req, res) => {
                  const file = req.url === '/app.js' ? 'public/app.js' : 'public/index.html';
                  res.end(fs.readFileSync(file));
                }).listen(port, '0.0.0.0', () => console.log("listening on {" + port + "}"));
                """);
        files.put("public/index.html", "<!doctype html><title>Todo</title><h1 class=\"t\">Todo \\o/</h1>"
                + "<script src=\"app.js\"></script>\n");
        files.put("public/app.js", "const items = [{\"path\": \"not/a/file\", \"content\": \"}\"}];\n");
        return files;
    }

    /** The tool input of the todo app. */
    public static String todoInput() {
        return input("node", todoFiles(), "node server.js", null, 3000);
    }

    /** A tool input with the given parts; {@code start}, {@code install} may be {@code null} to leave them out. */
    public static String input(String runtime, Map<String, String> files, String start, String install, Integer port) {
        ObjectNode root = JSON.createObjectNode().put("title", "Todo list")
                .put("summary", "A todo list that keeps items in memory.").put("runtime", runtime);
        if (install != null) {
            root.put("install", install);
        }
        if (start != null) {
            root.put("start", start);
        }
        if (port != null) {
            root.put("port", port);
        }
        ArrayNode array = root.putArray("files");
        files.forEach((path, content) -> array.addObject().put("path", path).put("content", content));
        return JSON.writeValueAsString(root);
    }
}
