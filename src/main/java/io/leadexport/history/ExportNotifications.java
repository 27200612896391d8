package io.leadexport.history;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.job.ExportJob;
import io.leadexport.job.ExportJobs;
import io.leadexport.job.JobStatus;
import io.leadexport.job.JobStore;
import io.leadexport.request.RequestProperties;
import io.leadexport.security.CurrentUser;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mails about finished background exports: the user who started one hears whether it succeeded or failed (unless
 * the request said {@code "notify": false}); a schedule's {@code notify-on-failure} addresses hear of every failed
 * run. Who is to be told is written down when the job is queued; when it ends, the finish route's wire-tap asks for
 * the message, which is sent from a queue of its own with retries, so a slow or failing mail server never holds up or
 * fails an export. The outcome shows in the job view as {@code notification: sent|failed|off} ({@code pending} until
 * then).
 *
 * <p>The queue is in memory, so a message still in it when its instance stops would be lost; the row that says it is
 * {@code pending} is not. The notification sweep ({@link #unsent}) queues such messages again, on any instance, and a
 * send first claims its row ({@link #claim}), so a message queued twice goes out once. A send that dies with its
 * instance after the mail server took the message, before the row says so, sends it again: at least once, never lost.
 */
@Component("exportNotifications")
@DependsOnDatabaseInitialization
public class ExportNotifications {

    private static final Logger log = LoggerFactory.getLogger(ExportNotifications.class);
    private static final String FAILED_ATTEMPTS = "notificationFailedAttempts";
    private static final int SWEEP_BATCH = 100;

    private final JdbcTemplate jdbc;
    private final JobStore jobs;
    private final CurrentUser currentUser;
    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties.Email settings;
    private final NotificationTexts texts;
    private final ObjectMapper json;
    private final ExportMetrics metrics;
    private final Duration claimLease;
    private final Duration sweepGrace;
    private final Duration sweepWindow;

    public ExportNotifications(DataSource dataSource, JobStore jobs, CurrentUser currentUser,
                               ObjectProvider<JavaMailSender> mail, NotificationProperties properties,
                               RequestProperties requestProperties, ObjectMapper json, ExportMetrics metrics) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jobs = jobs;
        this.currentUser = currentUser;
        this.mail = mail;
        this.settings = properties.email();
        this.texts = new NotificationTexts(properties.publicUrl(), requestProperties.zone());
        this.json = json;
        this.metrics = metrics;
        this.claimLease = claimLease(settings);
        this.sweepGrace = properties.sweepGrace();
        this.sweepWindow = properties.sweepWindow();
        if (mail.getIfAvailable() != null && properties.publicUrl() == null) {
            log.warn("lead-export.public-url is not set: notification e-mails will carry no links");
        }
    }

    /** A job a user queued over HTTP: the user hears how it ends, unless the request says "notify": false. */
    public void subscribeRequester(ExportJob job) {
        boolean wanted = !Boolean.FALSE.equals(request(job).get("notify"));
        Optional<String> address = currentUser.email();
        boolean on = wanted && address.isPresent() && mail.getIfAvailable() != null;
        jdbc.update("insert into export_notifications (job_id, recipients, on_success, status) values (?::uuid, ?, true, ?) "
                + "on conflict (job_id) do nothing", job.id(), address.orElse(""), on ? "pending" : "off");
    }

    /** A scheduled run: these addresses hear of it if it fails. */
    public void subscribeFailures(ExportJob job, List<String> addresses) {
        if (addresses.isEmpty()) {
            return;
        }
        jdbc.update("insert into export_notifications (job_id, recipients, on_success, status) values (?::uuid, ?, false, ?) "
                + "on conflict (job_id) do nothing", job.id(), String.join(",", addresses),
                mail.getIfAvailable() != null ? "pending" : "off");
    }

    /**
     * A step of the finish route: the message this finished job calls for, or null. A cancel is nobody's surprise and
     * sends nothing; a success sends nothing to failure-only subscribers.
     */
    public NotificationMessage finished(HistoryEvent event) {
        return messageFor(event.jobId());
    }

    /**
     * The notification sweep: messages of jobs that finished more than {@code sweep-grace} ago and are still pending
     * with no live claim, queued again (their instance stopped before sending them). One still unsent after
     * {@code sweep-window} is recorded as failed instead: news that late is no news.
     */
    public List<NotificationMessage> unsent() {
        Instant now = Instant.now();
        int expired = jdbc.update("update export_notifications n set status = 'failed', error = ? from export_jobs j "
                + "where j.id = n.job_id and n.status = 'pending' and (n.claimed_until is null or n.claimed_until < now()) "
                + "and j.finished_at < ?", "not sent within " + readable(sweepWindow)
                + " of the export's end", Timestamp.from(now.minus(sweepWindow)));
        if (expired > 0) {
            log.warn("{} notification(s) not sent within {} of their export's end: recorded as failed", expired,
                    readable(sweepWindow));
        }
        List<String> jobIds = jdbc.queryForList("select n.job_id::text from export_notifications n "
                + "join export_jobs j on j.id = n.job_id where n.status = 'pending' "
                + "and (n.claimed_until is null or n.claimed_until < now()) "
                + "and j.status in ('succeeded', 'failed', 'cancelled') and j.finished_at < ? "
                + "order by j.finished_at limit " + SWEEP_BATCH, String.class, Timestamp.from(now.minus(sweepGrace)));
        List<NotificationMessage> messages = new ArrayList<>();
        for (String jobId : jobIds) {
            NotificationMessage message = messageFor(jobId);
            if (message != null) {
                log.info("Notification for job {} was still unsent {} after the job ended: queued again", jobId,
                        readable(sweepGrace));
                messages.add(message);
            }
        }
        return messages;
    }

    /**
     * The first step of a send: takes the message's row for as long as all its tries can take. False when the
     * message went out already, was given up, or another send holds it: then this one sends nothing.
     */
    public boolean claim(NotificationMessage message) {
        return jdbc.update("update export_notifications set claimed_until = now() + ? * interval '1 millisecond' "
                + "where job_id = ?::uuid and status = 'pending' and (claimed_until is null or claimed_until < now())",
                claimLease.toMillis(), message.jobId()) == 1;
    }

    private NotificationMessage messageFor(String jobId) {
        List<Map<String, Object>> rows = jdbc.queryForList("select recipients, on_success from export_notifications "
                + "where job_id = ?::uuid and status = 'pending'", jobId);
        Optional<ExportJob> job = jobs.find(jobId);
        if (rows.isEmpty() || job.isEmpty() || !job.get().status().isFinished()) {
            return null;
        }
        boolean onSuccess = (Boolean) rows.get(0).get("on_success");
        JobStatus status = job.get().status();
        if (status == JobStatus.CANCELLED || status == JobStatus.SUCCEEDED && !onSuccess) {
            record(jobId, "off", 0, null);
            return null;
        }
        boolean schedule = !onSuccess;
        List<String> to = Arrays.stream(((String) rows.get(0).get("recipients")).split(","))
                .map(String::strip).filter(a -> !a.isEmpty()).toList();
        return new NotificationMessage(jobId, to, texts.subject(job.get(), schedule),
                texts.text(job.get(), request(job.get()), schedule));
    }

    /** Sends one message; a failure is retried by the route (see {@link #shouldRetry}). */
    public void send(NotificationMessage message) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no mail server is configured (spring.mail.host)");
        }
        SimpleMailMessage email = new SimpleMailMessage();
        email.setFrom(settings.from());
        email.setTo(message.to().toArray(String[]::new));
        email.setSubject(message.subject());
        email.setText(message.text());
        sender.send(email);
    }

    public void sent(NotificationMessage message, Exchange exchange) {
        record(message.jobId(), "sent", failedAttempts(exchange) + 1, null);
    }

    /** Every attempt failed: the job view says so, the export itself stays as it ended. */
    public void failedToSend(NotificationMessage message, Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String error = ExportJobs.describe(failure);
        log.warn("Notification for job {} could not be sent: {}", message.jobId(), error);
        metrics.notificationFailed();
        record(message.jobId(), "failed", failedAttempts(exchange), error);
    }

    /**
     * The route's retry rule, asked after each failed try: up to {@code lead-export.notifications.email.max-attempts}
     * tries in all. Counts the failed tries on the exchange for the record.
     */
    public boolean shouldRetry(Exchange exchange) {
        int failed = failedAttempts(exchange) + 1;
        exchange.setProperty(FAILED_ATTEMPTS, failed);
        return failed < settings.maxAttempts();
    }

    /** {@code sent}, {@code failed}, {@code pending} or {@code off} (nobody to tell). */
    public String status(String jobId) {
        return jdbc.queryForList("select status from export_notifications where job_id = ?::uuid", String.class, jobId)
                .stream().findFirst().orElse("off");
    }

    /** {@link #status} of several jobs in one query (a page of the job list); a job nobody hears about is "off". */
    public Map<String, String> statuses(Collection<String> jobIds) {
        Map<String, String> statuses = new HashMap<>();
        if (jobIds.isEmpty()) {
            return statuses;
        }
        jdbc.query("select job_id::text, status from export_notifications where job_id = any(?::uuid[])",
                row -> {
                    statuses.put(row.getString(1), row.getString(2));
                }, (Object) jobIds.toArray(String[]::new));
        for (String jobId : jobIds) {
            statuses.putIfAbsent(jobId, "off");
        }
        return statuses;
    }

    private void record(String jobId, String status, int attempts, String error) {
        jdbc.update("update export_notifications set status = ?, attempts = ?, error = ?, "
                + "sent_at = case when ? = 'sent' then now() end where job_id = ?::uuid", status, attempts, error,
                status, jobId);
    }

    /**
     * Long enough for every try of a send: the doubling delays between tries (their sum is below
     * {@code retryDelayMs * 2^maxAttempts}), plus ten minutes for the tries themselves.
     */
    private static Duration claimLease(NotificationProperties.Email settings) {
        long delays = settings.retryDelayMs() * (1L << Math.min(settings.maxAttempts(), 20));
        return Duration.ofMillis(delays).plus(Duration.ofMinutes(10));
    }

    /** {@code 24h}, {@code 1m}, {@code 1m30s}: as the settings are written, not {@code PT24H}. */
    private static String readable(Duration duration) {
        return duration.toString().substring(2).toLowerCase();
    }

    private static int failedAttempts(Exchange exchange) {
        return exchange.getProperty(FAILED_ATTEMPTS, 0, Integer.class);
    }

    private Map<String, Object> request(ExportJob job) {
        try {
            return json.readValue(job.requestJson(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            return Map.of();
        }
    }
}
