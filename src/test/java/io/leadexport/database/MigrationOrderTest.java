package io.leadexport.database;

import java.util.UUID;

import io.leadexport.support.EndToEndTest;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database an earlier build migrated (V40 applied, but not V12, the admin page's sessions, numbered below it) is
 * migrated by this build's Flyway configuration at start-up instead of being refused.
 */
@EndToEndTest
class MigrationOrderTest {

    @Autowired
    Flyway app;
    @Autowired
    DatabaseEndpoint server;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMigrationNumberedBelowTheNewestAppliedOneIsAppliedAtTheNextStart() {
        String database = "order_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("create database " + database);
        try {
            String url = server.url().replaceFirst("/postgres(?=\\?|$)", "/" + database);
            DriverManagerDataSource earlier = new DriverManagerDataSource(url, server.username(), server.password());
            Flyway flyway = Flyway.configure().configuration(app.getConfiguration()).dataSource(earlier).load();
            flyway.migrate();
            JdbcTemplate db = new JdbcTemplate(earlier);
            // As the build before the sessions left it.
            db.execute("drop table spring_session_attributes");
            db.execute("drop table spring_session");
            db.update("delete from flyway_schema_history where version = '12'");

            MigrateResult result = flyway.migrate();

            assertThat(result.migrationsExecuted).isEqualTo(1);
            assertThat(result.migrations.get(0).version).isEqualTo("12");
            assertThat(db.queryForObject("select count(*) from spring_session", Long.class)).isZero();
        } finally {
            jdbc.execute("drop database " + database + " with (force)");
        }
    }
}
