package io.leadexport.http;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the admin page offers from the API: the values present in the leads ({@code GET /api/leads/export/values}),
 * the business zone and plain descriptions of the destinations in the catalog, and the job list filtered by user and
 * status.
 */
@EndToEndTest
class LeadValuesAndJobFiltersTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    TestLeads leads;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        leads = new TestLeads(jdbc);
        leads.deleteAll();
    }

    @Test
    void theValuesPresentInTheLeadsWithTheirCounts() {
        Instant now = Instant.now();
        List<TestLeads.Lead> rows = new ArrayList<>();
        rows.add(TestLeads.plain("A", now).withPolicy("Auto"));
        rows.add(TestLeads.plain("B", now).withPolicy("auto").withStatus("lost"));
        rows.add(TestLeads.plain("C", now).withPolicy("Auto"));
        rows.add(TestLeads.plain("D", now).withPolicy("Home"));
        rows.add(TestLeads.plain("E", now).withPolicy(null));
        leads.insert(rows);
        leads.insert(TestLeads.hardCases(now));

        HttpResponse<byte[]> response = api.get("manager", "/api/leads/export/values");

        assertThat(response.statusCode()).as(Api.text(response)).isEqualTo(200);
        JsonNode values = Jobs.json(response);
        assertThat(values.get("status").toString()).isEqualTo("[{\"value\":\"new\",\"leads\":4},"
                + "{\"value\":\"contacted\",\"leads\":1},{\"value\":\"qualified\",\"leads\":1},"
                + "{\"value\":\"converted\",\"leads\":1},{\"value\":\"lost\",\"leads\":2}]");
        assertThat(values.get("policy").toString()).as("grouped ignoring case, in the most common spelling")
                .isEqualTo("[{\"value\":\"Auto\",\"leads\":3},{\"value\":\"Home\",\"leads\":2},"
                        + "{\"value\":\"life\",\"leads\":1},{\"value\":\"Travel\",\"leads\":1}]");
        assertThat(values.get("country").toString()).isEqualTo("[{\"value\":\"US\",\"leads\":5},"
                + "{\"value\":\"CH\",\"leads\":1},{\"value\":\"GB\",\"leads\":1}]");
    }

    @Test
    void theCatalogNamesTheBusinessZoneAndDescribesEachDestination() {
        JsonNode catalog = Jobs.json(api.get("manager", "/api/leads/export/fields"));

        assertThat(catalog.get("zone").asText()).isEqualTo("America/New_York");
        JsonNode descriptions = catalog.get("destinationDescriptions");
        assertThat(descriptions).hasSize(catalog.get("destinations").size());
        assertThat(descriptions.findValuesAsText("description")).allSatisfy(d -> assertThat(d).contains(" "));
        assertThat(descriptions.toString()).contains("{\"name\":\"outbox\",\"description\":\"The inbox's output folder");
    }

    @Test
    void anAdminListsOnePersonsJobsAndJobsByStatus() {
        leads.insert(TestLeads.plain("Only", Instant.now()));
        String managers = new Jobs(api).start("manager2", "{}").get("id").asText();
        String admins = new Jobs(api).start("admin", "{}").get("id").asText();
        new Jobs(api).awaitFinished("admin", managers, Duration.ofSeconds(20));
        new Jobs(api).awaitFinished("admin", admins, Duration.ofSeconds(20));

        JsonNode onlyManager2 = Jobs.json(api.get("admin", "/api/leads/export/jobs?user=manager2&size=500"));
        JsonNode running = Jobs.json(api.get("admin", "/api/leads/export/jobs?status=queued,running&size=500"));
        JsonNode managerAsksForAdmins = Jobs.json(api.get("manager2", "/api/leads/export/jobs?user=admin&size=500"));
        HttpResponse<byte[]> badStatus = api.get("admin", "/api/leads/export/jobs?status=done");

        assertThat(onlyManager2.get("items").findValuesAsText("requestedBy")).isNotEmpty().containsOnly("manager2");
        assertThat(onlyManager2.get("items").findValuesAsText("id")).contains(managers).doesNotContain(admins);
        assertThat(onlyManager2.get("total").asLong()).isEqualTo(onlyManager2.get("items").size());
        assertThat(running.get("items").findValuesAsText("id")).doesNotContain(managers, admins);
        assertThat(managerAsksForAdmins.get("items").findValuesAsText("requestedBy")).as("a MANAGER sees its own only")
                .containsOnly("manager2");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(Jobs.json(badStatus).get("detail").asText()).contains("'done'");
    }
}
