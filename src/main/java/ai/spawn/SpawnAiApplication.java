package ai.spawn;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point of the SpawnAI service. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SpawnAiApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpawnAiApplication.class, args);
    }
}
