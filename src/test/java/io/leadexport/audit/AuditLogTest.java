package io.leadexport.audit;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

import javax.sql.DataSource;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Recording never blocks or fails the action; an entry that cannot be written is counted and logged. */
class AuditLogTest {

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    CountDownLatch release = new CountDownLatch(1);
    AuditLog audit;

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(AuditLog.class)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        release.countDown();
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(AuditLog.class)).detachAppender(logs);
        if (audit != null && audit.isRunning()) {
            audit.stop();
        }
    }

    @Test
    void aWriteTheDatabaseRefusesIsCountedAndLoggedWithoutTheDetails() {
        audit = new AuditLog(new FakeDataSource(null), new ObjectMapper(), registry, capacity(10));
        audit.start();

        audit.record("alice", "10.0.0.7", AuditAction.PREVIEW, null, Map.of("filter", Map.of("search", "Smith")));

        await().until(() -> registry.counter(AuditLog.LOST_METRIC).count() == 1.0);
        assertThat(logs.list).anySatisfy(line -> {
            assertThat(line.getFormattedMessage()).contains("Audit entry lost", "action=preview", "user=alice");
            assertThat(line.getFormattedMessage()).doesNotContain("Smith");
        });
    }

    @Test
    void aFullQueueDropsTheEntryInsteadOfHoldingUpTheAction() {
        // The database hangs: the writer takes one entry and waits; the queue holds two more.
        audit = new AuditLog(new FakeDataSource(release), new ObjectMapper(), registry, capacity(2));
        audit.start();

        audit.record("bob", null, AuditAction.DOWNLOAD, "job-1", Map.of());
        await().until(() -> audit.pending() == 0);
        for (int i = 2; i <= 5; i++) {
            audit.record("bob", null, AuditAction.DOWNLOAD, "job-" + i, Map.of());
        }

        assertThat(registry.counter(AuditLog.LOST_METRIC).count()).isEqualTo(2.0);
        assertThat(logs.list).anySatisfy(line -> assertThat(line.getFormattedMessage())
                .contains("Audit entry lost", "action=download", "target=job-5", "queue is full"));
    }

    @Test
    void detailsThatCannotBeWrittenNeverReachTheCaller() {
        audit = new AuditLog(new FakeDataSource(null), new ObjectMapper(), registry, capacity(10));
        Map<String, Object> broken = new java.util.HashMap<>();
        broken.put(null, "a null key is not JSON");

        audit.record("carol", null, AuditAction.PREVIEW, null, broken);
        audit.start();

        await().until(() -> registry.counter(AuditLog.LOST_METRIC).count() == 1.0);
    }

    private static AuditProperties capacity(int capacity) {
        return new AuditProperties(new AuditProperties.Audit(capacity));
    }

    /** A database that refuses every connection, or hangs until released. */
    private record FakeDataSource(CountDownLatch hang) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            if (hang != null) {
                try {
                    hang.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            throw new SQLException("the database is down");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("no");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
