package io.leadexport.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.leadexport.support.EndToEndTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests, the embedded default and docker-compose.yml run the same major version of PostgreSQL. */
@EndToEndTest
class PostgresVersionTest {

    private static final Pattern COMPOSE_IMAGE = Pattern.compile("image:\\s*postgres:(\\d+)");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theEmbeddedPostgresIsTheMajorVersionOfTheComposeFile() throws IOException {
        int running = jdbc.queryForObject("select current_setting('server_version_num')::int / 10000", Integer.class);
        Matcher compose = COMPOSE_IMAGE.matcher(Files.readString(Path.of("docker-compose.yml")));

        assertThat(compose.find()).as("docker-compose.yml names a postgres image").isTrue();
        assertThat(running).isEqualTo(Integer.parseInt(compose.group(1)))
                .isEqualTo(EmbeddedDatabaseConfiguration.POSTGRES_MAJOR_VERSION);
    }
}
