package ai.spawn;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code spawnai.data-dir} absolute before anything reads it: H2 refuses file URLs that are implicitly
 * relative ({@code --spawnai.data-dir=data2}), and sandboxes bind the directory by absolute path.
 */
class DataDirEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "spawnai.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty(PROPERTY, "./data");
        String absolute = Path.of(dir).toAbsolutePath().normalize().toString();
        environment.getPropertySources().addFirst(new MapPropertySource("spawnai-data-dir",
                Map.of(PROPERTY, absolute)));
    }

    /** After the config files and the command line are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
