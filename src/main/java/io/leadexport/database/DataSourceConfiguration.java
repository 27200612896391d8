package io.leadexport.database;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;


import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Two pools on one database. The primary pool serves migrations, jobs and history. The export pool serves the
 * streaming queries only: PgJDBC reads through a cursor only with autocommit off and a fetch size, and camel-sql's
 * StreamList takes a raw connection from its DataSource, so this pool hands out read-only connections with
 * autocommit off (see CAMEL-NOTES).
 */
@Configuration(proxyBeanMethods = false)
public class DataSourceConfiguration {

    @Bean
    @Conditional(NoDatasourceUrlCondition.DatasourceUrlCondition.class)
    DatabaseEndpoint configuredDatabaseEndpoint(DataSourceProperties properties) {
        return new DatabaseEndpoint(properties.getUrl(), properties.getUsername(), properties.getPassword(), false);
    }

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseEndpoint endpoint) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("lead-export");
        pool.setJdbcUrl(endpoint.url());
        pool.setUsername(endpoint.username());
        pool.setPassword(endpoint.password());
        return pool;
    }

    /**
     * How long a download waits for a connection of its pool: downloads beyond the pool's size wait their turn while
     * the others read (each holds its connection only while its export reads, not while the file is sent), rather
     * than failing after Hikari's default 30 seconds. Past this, the download answers 503 with Retry-After.
     */
    static final Duration DOWNLOAD_CONNECTION_WAIT = Duration.ofMinutes(10);

    @Bean(destroyMethod = "close")
    DataSource exportDataSource(DatabaseEndpoint endpoint, DatabaseProperties properties) {
        return streamingPool("lead-export-streaming", endpoint, properties.export().connectionPoolSize(), null);
    }

    /** The streaming pool of synchronous downloads (GET /api/leads/export), apart from the background jobs'. */
    @Bean(destroyMethod = "close")
    DataSource downloadDataSource(DatabaseEndpoint endpoint, DatabaseProperties properties) {
        return streamingPool("lead-export-downloads", endpoint, properties.export().downloadConnectionPoolSize(),
                DOWNLOAD_CONNECTION_WAIT);
    }

    private static DataSource streamingPool(String name, DatabaseEndpoint endpoint, int size, Duration wait) {
        HikariConfig config = new HikariConfig();
        if (wait != null) {
            config.setConnectionTimeout(wait.toMillis());
        }
        config.setPoolName(name);
        config.setJdbcUrl(endpoint.url());
        config.setUsername(endpoint.username());
        config.setPassword(endpoint.password());
        config.setAutoCommit(false);
        config.setReadOnly(true);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }
}
