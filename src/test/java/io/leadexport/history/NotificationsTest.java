package io.leadexport.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadexport.support.Api;
import io.leadexport.support.EndToEndTest;
import io.leadexport.support.Jobs;
import io.leadexport.support.TestLeads;
import io.leadexport.support.TestMailServer;

import jakarta.mail.internet.MimeMessage;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.seda.SedaEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Your export is ready" e-mails: a background export started over HTTP ends, and its requester's message arrives at
 * a real SMTP server (GreenMail, in this JVM), where it is read back. A message lost with its instance's in-memory
 * queue (the send route stopped, the queue purged) goes out from the notification sweep, once.
 */
@EndToEndTest
class NotificationsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SEND_ROUTE = "send-export-notification";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;

    Api api;
    Jobs jobs;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        jobs = new Jobs(api);
        TestLeads leads = new TestLeads(jdbc);
        leads.deleteAll();
        leads.insert(TestLeads.plain("Jane Doe", Instant.parse("2024-03-05T17:30:00Z")),
                TestLeads.plain("John Roe", Instant.parse("2024-03-06T17:30:00Z")).withStatus("contacted"));
    }

    @Test
    void theRequesterOfABackgroundExportGetsAPlainTextMessageWithLinksAndNoLeadData() throws Exception {
        String id = jobs.start("manager", """
                {"format": "xlsx", "filter": {"status": ["new"], "search": "Doe"}}""").get("id").asText();
        JsonNode job = jobs.awaitFinished("manager", id, WAIT);
        assertThat(job.get("status").asText()).isEqualTo("succeeded");

        MimeMessage message = awaitMessage("manager@example.com", id);
        String body = body(message);

        assertThat(message.getSubject()).isEqualTo("Your lead export is ready: 1 lead");
        assertThat(message.getFrom()[0].toString()).isEqualTo("lead-export@example.com");
        assertThat(message.getContentType()).startsWith("text/plain");
        assertThat(body).startsWith("Hello manager,\n")
                .containsPattern("Outcome:\\s+succeeded")
                .containsPattern("Rows:\\s+1\n")
                .containsPattern("Filter:\\s+status: new; search: \\(not shown\\)")
                .containsPattern("Expires:\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d")
                .contains("https://leads.example.com/#/jobs/" + id)
                .contains("https://leads.example.com/api/leads/export/jobs/" + id + "/file")
                .contains(job.get("file").get("name").asText());
        assertThat(body).as("no lead data and no search text").doesNotContain("Doe", "Jane", "jane.doe", "555-0132");
        await().atMost(WAIT).until(() -> "sent".equals(jobs.get("manager", id).get("notification").asText()));
    }

    @Test
    void notifyFalseOptsOut() {
        String id = jobs.start("manager", "{\"notify\": false}").get("id").asText();

        assertThat(jobs.get("manager", id).get("notification").asText()).isEqualTo("off");
        JsonNode job = jobs.awaitFinished("manager", id, WAIT);
        assertThat(job.get("status").asText()).isEqualTo("succeeded");
        assertThat(job.get("request").get("notify").asBoolean()).isFalse();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> messagesAbout(id).isEmpty());
        assertThat(jobs.get("manager", id).get("notification").asText()).isEqualTo("off");
    }

    @Test
    void aUserWithoutAnAddressIsNotNotified() {
        String id = jobs.start("manager2", "{}").get("id").asText();

        JsonNode job = jobs.awaitFinished("manager2", id, WAIT);

        assertThat(job.get("notification").asText()).isEqualTo("off");
    }

    @Test
    void aMessageThatCannotBeSentIsRetriedThenRecordedAsFailedWhileTheExportSucceeds() {
        String id = jobs.start("bounce", "{}").get("id").asText();

        JsonNode job = jobs.awaitFinished("bounce", id, WAIT);
        assertThat(job.get("status").asText()).isEqualTo("succeeded");

        await().atMost(WAIT).until(() -> "failed".equals(jobs.get("bounce", id).get("notification").asText()));
        assertThat(jdbc.queryForObject("select attempts from export_notifications where job_id = ?::uuid",
                Integer.class, id)).as("lead-export.notifications.email.max-attempts, default 4").isEqualTo(4);
        assertThat(jobs.get("bounce", id).get("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void aSynchronousDownloadSendsNothing() throws Exception {
        int before = TestMailServer.server().getReceivedMessages().length;

        assertThat(api.get("manager", "/api/leads/export?template=basic").statusCode()).isEqualTo(200);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> TestMailServer.server().getReceivedMessages().length == before);
    }

    @Test
    void aMessageLostWithItsInstancesQueueGoesOutFromTheSweep() throws Exception {
        String id = finishWithTheMessageQueuedButNotSent();

        queue().purgeQueue();
        assertThat(jobs.get("manager", id).get("notification").asText()).isEqualTo("pending");
        camel.getRouteController().startRoute(SEND_ROUTE);

        awaitSentOnce(id);
    }

    @Test
    void aMessageQueuedTwiceGoesOutOnce() throws Exception {
        String id = finishWithTheMessageQueuedButNotSent();

        NotificationMessage queued = queue().getQueue().peek().getIn().getBody(NotificationMessage.class);
        assertThat(queued.jobId()).isEqualTo(id);
        producer.sendBody("seda:send-export-notification", queued);
        camel.getRouteController().startRoute(SEND_ROUTE);

        awaitSentOnce(id);
    }

    @Test
    void aMessageStillUnsentADayAfterItsExportIsRecordedAsFailedNotSent() throws Exception {
        String id = finishWithTheMessageQueuedButNotSent();
        queue().purgeQueue();
        jdbc.update("update export_jobs set finished_at = now() - interval '25 hours' where id = ?::uuid", id);

        camel.getRouteController().startRoute(SEND_ROUTE);

        await().atMost(WAIT).until(() -> "failed".equals(jobs.get("manager", id).get("notification").asText()));
        assertThat(jdbc.queryForObject("select error from export_notifications where job_id = ?::uuid", String.class,
                id)).isEqualTo("not sent within 24h of the export's end");
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> messagesAbout(id).isEmpty());
    }

    /**
     * A job of manager's that has finished while the send route was stopped: its message waits in the in-memory
     * queue, and its row says pending. The caller starts the route again.
     */
    private String finishWithTheMessageQueuedButNotSent() throws Exception {
        camel.getRouteController().stopRoute(SEND_ROUTE);
        String id = jobs.start("manager", "{}").get("id").asText();
        assertThat(jobs.awaitFinished("manager", id, WAIT).get("status").asText()).isEqualTo("succeeded");
        await().atMost(WAIT).until(() -> queue().getQueue().stream()
                .anyMatch(queued -> id.equals(queued.getIn().getBody(NotificationMessage.class).jobId())));
        return id;
    }

    /** Manager's message about the job arrives, the job says sent, and no second one follows. */
    private void awaitSentOnce(String id) {
        awaitMessage("manager@example.com", id);
        await().atMost(WAIT).until(() -> "sent".equals(jobs.get("manager", id).get("notification").asText()));
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> messagesAbout(id).size() == 1);
    }

    private SedaEndpoint queue() {
        return camel.getEndpoint("seda:send-export-notification", SedaEndpoint.class);
    }

    @AfterEach
    void sendRouteRuns() throws Exception {
        camel.getRouteController().startRoute(SEND_ROUTE);
    }

    private static MimeMessage awaitMessage(String to, String jobId) {
        MimeMessage[] found = new MimeMessage[1];
        await().atMost(WAIT).until(() -> {
            for (MimeMessage message : messagesAbout(jobId)) {
                if (message.getAllRecipients()[0].toString().equals(to)) {
                    found[0] = message;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static List<MimeMessage> messagesAbout(String jobId) {
        List<MimeMessage> about = new ArrayList<>();
        for (MimeMessage message : TestMailServer.server().getReceivedMessages()) {
            if (body(message).contains(jobId)) {
                about.add(message);
            }
        }
        return about;
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString().replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
