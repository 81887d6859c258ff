package ai.spawn;

import java.nio.file.Path;

import ai.spawn.testing.DataDirs;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The API on the embedded default: H2 in a file under the data dir. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spawnai.gateway.port=0", "spawnai.apps.health-timeout=PT10S"})
class ApiH2IT extends AbstractApiIT {

    static final Path data = DataDirs.fresh("api-h2");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("spawnai.data-dir", () -> data.toString());
    }
}
