package ai.spawn.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ai.spawn.generation.AppBundle;
import ai.spawn.spawn.AppView;
import ai.spawn.spawn.SpawnService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** An app's conversation, versions and files: follow-up messages, restore, file contents, zip download. */
@RestController
@RequestMapping("/api/v1/apps/{id}")
class AppHistoryController {

    private final SpawnService spawns;
    private final JsonMapper json;

    AppHistoryController(SpawnService spawns, JsonMapper json) {
        this.spawns = spawns;
        this.json = json;
    }

    @GetMapping("/messages")
    Map<String, List<AppView.Message>> messages(@RequestAttribute(SessionAuth.SESSION_ATTRIBUTE) String session,
                                                @PathVariable String id) {
        return Map.of("messages", spawns.messages(session, id));
    }

    @PostMapping("/messages")
    ResponseEntity<AppView> send(@RequestAttribute(SessionAuth.SESSION_ATTRIBUTE) String session,
                                 @PathVariable String id, @RequestBody(required = false) Map<String, String> body) {
        return ResponseEntity.accepted().body(spawns.sendMessage(session, id, body == null ? null : body.get("text")));
    }

    @GetMapping("/versions")
    Versions versions(@RequestAttribute(SessionAuth.SESSION_ATTRIBUTE) String session, @PathVariable String id) {
        return new Versions(spawns.get(session, id).version(), spawns.versions(session, id));
    }

    @PostMapping("/versions/{number}/restore")
    ResponseEntity<AppView> restore(@RequestAttribute(SessionAuth.SESSION_ATTRIBUTE) String session,
                                    @PathVariable String id, @PathVariable int number) {
        return ResponseEntity.accepted().body(spawns.restore(session, id, number));
    }

    @GetMapping("/files")
    Files files(@RequestAttribute(SessionAuth.SESSION_ATTRIBUTE) String session, @PathVariable String id,
                @RequestParam(required = false) Integer version) {
        SpawnService.AppFiles f = spawns.files(session, id, version);
        AppBundle b = f.bundle();
        return new Files(f.version(), b.runtime().wireName(), b.install(), b.start(), b.port(), b.files());
    }

    @GetMapping("/download")
    ResponseEntity<byte[]> download(@RequestAttribute(SessionAuth.SESSION_ATTRIBUTE) String session,
                                    @PathVariable String id, @RequestParam(required = false) Integer version) {
        SpawnService.AppFiles f = spawns.files(session, id, version);
        String name = slug(f.title()) + "-" + id + ".zip";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(zip(f.bundle(), json));
    }

    static byte[] zip(AppBundle bundle, JsonMapper json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var file : bundle.files().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("spawnai.json"));
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("title", bundle.title());
            manifest.put("runtime", bundle.runtime().wireName());
            manifest.put("install", bundle.install());
            manifest.put("start", bundle.start());
            manifest.put("port", bundle.port());
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String slug(String title) {
        String s = title == null ? "app" : title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "app" : s.length() > 40 ? s.substring(0, 40) : s;
    }

    /** Answer of {@code GET /versions}. */
    record Versions(int current, List<AppView.Version> versions) { }

    /** Answer of {@code GET /files}. */
    record Files(int version, String runtime, String install, String start, int port, Map<String, String> files) { }
}
