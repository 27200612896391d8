package io.leadexport.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: with no {@code spring.datasource.url}, a real PostgreSQL is started in-process with its data
 * under {@code lead-export.database.embedded-directory} (default {@code ./data}), kept between runs.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseProperties properties) throws IOException {
        Path directory = properties.database().embeddedDirectory().toAbsolutePath().normalize();
        Files.createDirectories(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // Spring stops it (destroyMethod) after the beans that use it, so running jobs can still record
                // how they ended; a JVM shutdown hook of its own would stop it first, at the same time as Spring.
                .setRegisterShutdownHook(false)
                .start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), directory);
        return postgres;
    }

    @Bean
    DatabaseEndpoint databaseEndpoint(EmbeddedPostgres postgres) {
        return new DatabaseEndpoint(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", true);
    }
}
