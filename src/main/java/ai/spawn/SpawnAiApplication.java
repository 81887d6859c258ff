package ai.spawn;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Entry point of the jar: {@code serve [--spring.options]} starts the service; other commands belong to the
 * command-line client.
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
        } else if (args.length > 0 && args[0].startsWith("--")) {
            SpringApplication.run(SpawnAiApplication.class, args);
        } else {
            System.out.println("usage: spawnai serve [--server.port=8080] [--spawnai.gateway.port=8081]"
                    + " [--spawnai.data-dir=./data]\n       " + TemplatesCommand.USAGE.substring(7));
            System.exit(args.length == 0 || args[0].equals("help") || args[0].equals("--help") ? 0 : 2);
        }
    }
}
