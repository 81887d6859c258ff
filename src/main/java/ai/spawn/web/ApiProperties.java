package ai.spawn.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the API's listener ({@code spawnai.api.*}); its timeouts and global connection cap are Tomcat's own
 * ({@code server.tomcat.*}, set in {@code application.properties}).
 *
 * @param maxBody                 largest request body the API accepts (413 beyond; before the body is read when
 *                                its length is declared). Above a bundle at its largest ({@code
 *                                spawnai.validation.max-bundle-size}, 5 MB) even when JSON escaping doubles it
 * @param maxConnectionsPerClient connections one client address may hold open to the API at once; counted at
 *                                accept, beyond it a connection is closed before anything is read
 */
@Validated
@ConfigurationProperties("spawnai.api")
public record ApiProperties(
        @DefaultValue("12MB") @NotNull DataSize maxBody,
        @DefaultValue("128") @Min(1) int maxConnectionsPerClient) {
}
