package ai.spawn;

import java.util.Arrays;

import ai.spawn.cli.SpawnAiCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Entry point of the jar: {@code serve [--spring.options]} starts the service; {@code templates build} builds the
 * sandbox templates ({@link TemplatesCommand}); every other command belongs to the command-line client
 * ({@link SpawnAiCli}), which runs without starting or loading Spring.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SpawnAiApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("serve")) {
            SpringApplication.run(SpawnAiApplication.class, Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("templates")) {
            System.exit(TemplatesCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        } else {
            System.exit(SpawnAiCli.run(args));
        }
    }
}
