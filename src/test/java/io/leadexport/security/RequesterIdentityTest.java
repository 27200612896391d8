package io.leadexport.security;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.job.ExportJob;
import io.leadexport.job.JobStatus;
import io.leadexport.job.JobStore;
import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A requester is a name and a kind: people named {@code inbox} or {@code nightly} (MANAGERs here) see none of the
 * inbox's or the schedule {@code nightly}'s jobs, over any endpoint, while their own jobs are theirs.
 */
@EndToEndTest
class RequesterIdentityTest {

    @LocalServerPort
    int port;
    @Autowired
    JobStore store;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aManagerNamedInboxSeesNoneOfTheInboxJobs() throws IOException {
        ExportJob inboxJob = finishedJob("file", ExportUser.inbox());

        assertHidden("inbox", inboxJob.id());
        assertThat(Jobs.json(api.get("admin", "/api/leads/export/jobs/" + inboxJob.id())).get("requesterKind").asText())
                .isEqualTo("inbox");
    }

    @Test
    void aManagerNamedLikeAScheduleSeesNoneOfItsJobs() throws IOException {
        ExportJob scheduled = finishedJob("schedule", ExportUser.schedule("nightly"));

        assertHidden("nightly", scheduled.id());
        JsonNode view = Jobs.json(api.get("admin", "/api/leads/export/jobs/" + scheduled.id()));
        assertThat(view.get("requestedBy").asText()).isEqualTo("nightly");
        assertThat(view.get("requesterKind").asText()).isEqualTo("schedule");
    }

    @Test
    void aPersonsOwnJobsAreTheirsAndRecordTheirKindInJobAndHistory() {
        JsonNode job = new Jobs(api).start("nightly", "{\"format\": \"csv\"}");
        String id = job.get("id").asText();

        assertThat(job.get("requesterKind").asText()).isEqualTo("user");
        JsonNode finished = new Jobs(api).awaitFinished("nightly", id, java.time.Duration.ofSeconds(30));
        assertThat(finished.get("status").asText()).isEqualTo("succeeded");
        assertThat(api.get("nightly", "/api/leads/export/jobs/" + id + "/file").statusCode()).isEqualTo(200);
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select requester_kind from export_history where job_id = ?::uuid", String.class, id)).isEqualTo("user"));
        JsonNode history = Jobs.json(api.get("admin", "/api/leads/export/history?user=nightly&size=500"));
        assertThat(history.get("items").findValuesAsText("requesterKind")).contains("user");
    }

    private void assertHidden(String manager, String id) throws IOException {
        assertThat(api.get(manager, "/api/leads/export/jobs/" + id).statusCode()).isEqualTo(404);
        assertThat(api.get(manager, "/api/leads/export/jobs/" + id + "/file").statusCode()).isEqualTo(404);
        assertThat(api.delete(manager, "/api/leads/export/jobs/" + id).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> list = api.get(manager, "/api/leads/export/jobs?size=500");
        assertThat(list.statusCode()).isEqualTo(200);
        List<String> ids = json.readTree(list.body()).get("items").findValuesAsText("id");
        assertThat(ids).doesNotContain(id);
        assertThat(store.find(id).orElseThrow().fileDeletedAt()).as("the hidden job's file was not deleted").isNull();
    }

    /** A job as the inbox or a schedule leaves it: succeeded, with a file kept for download. */
    private ExportJob finishedJob(String trigger, ExportUser requester) {
        String id = UUID.randomUUID().toString();
        store.insert(id, trigger, requester, "{\"format\": \"csv\"}", "download", null);
        jdbc.update("update export_jobs set status = ?, file_name = 'leads.csv', file_path = '/nonexistent/leads.csv', "
                + "finished_at = now() where id = ?::uuid", JobStatus.SUCCEEDED.key(), id);
        return store.find(id).orElseThrow();
    }
}
