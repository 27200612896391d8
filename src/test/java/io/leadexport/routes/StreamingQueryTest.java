package io.leadexport.routes;

import java.lang.reflect.Field;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.leadexport.support.Api;
import io.leadexport.support.TestLeads;
import io.leadexport.support.TestLeads.Lead;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.sql.ResultSetIterator;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.leadexport.support.EndToEndTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the export reads through a server-side cursor: PgJDBC only does with autocommit off, a forward-only
 * statement and a fetch size; otherwise it loads the whole result into memory before the first row (CAMEL-NOTES).
 * The row stream is inspected right after the {@code stream-leads} step.
 */
@EndToEndTest
@UseAdviceWith
class StreamingQueryTest {

    @Autowired
    CamelContext camel;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void theExportQueryReadsThroughACursor() throws Exception {
        AtomicReference<Boolean> autoCommit = new AtomicReference<>();
        AtomicReference<Integer> type = new AtomicReference<>();
        AtomicReference<Integer> fetchSize = new AtomicReference<>();
        AdviceWith.adviceWith(camel, "run-export", route -> route.weaveById("stream-leads").after()
                .process(exchange -> {
                    ResultSet rs = resultSet(exchange.getMessage().getBody(ResultSetIterator.class));
                    autoCommit.set(rs.getStatement().getConnection().getAutoCommit());
                    type.set(rs.getType());
                    fetchSize.set(rs.getFetchSize());
                }));
        camel.start();
        TestLeads leads = new TestLeads(jdbc);
        leads.deleteAll();
        List<Lead> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(TestLeads.plain("Lead " + i, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i)));
        }
        leads.insert(many);

        String csv = Api.text(new Api(port).get("admin", "/api/leads/export?fields=fullName"));

        assertThat(csv.split("\r\n")).hasSize(501);
        assertThat(autoCommit.get()).as("autocommit off, or PgJDBC ignores the fetch size").isFalse();
        assertThat(type.get()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
        assertThat(fetchSize.get()).as("lead-export.export.fetch-size of the test profile").isEqualTo(50);
    }

    private static ResultSet resultSet(ResultSetIterator iterator) throws ReflectiveOperationException {
        Field field = ResultSetIterator.class.getDeclaredField("resultSet");
        field.setAccessible(true);
        return (ResultSet) field.get(iterator);
    }
}
