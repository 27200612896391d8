package io.leadexport.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.leadexport.request.RequestProperties;
import io.leadexport.audit.PlainNationalIdAudit;
import io.leadexport.format.ExportDescription;
import io.leadexport.format.ExportFileNamer;
import io.leadexport.format.LeadWriters;
import io.leadexport.query.LeadQuery;
import io.leadexport.query.LeadQueryBuilder;
import io.leadexport.record.LeadRecordFormatter;
import io.leadexport.record.LeadRow;
import io.leadexport.request.ExportRequest;
import io.leadexport.security.ExportPermissions;
import io.leadexport.security.ExportUser;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.component.sql.SqlConstants;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The steps of the {@code run-export} route, in route order: begin, count, open, select, formatAhead, write (per
 * formatted chunk, in row order), complete, and
 * release on every path. The file is written under a temporary {@code .part} name in a directory of its own and
 * renamed into place only when complete; a failed or cancelled run leaves nothing behind.
 */
@Component("exportSteps")
public class ExportSteps {

    public static final String USER = "exportUser";
    public static final String TRIGGER = "exportTrigger";
    public static final String RUN_ID = "exportRunId";

    private final RunningExports running;
    private final LeadQueryBuilder queries;
    private final LeadWriters writers;
    private final ExportPermissions permissions;
    private final LeadRecordFormatter formatter;
    private final ExportWorkers workers;
    private final int chunkSize;
    private final JdbcTemplate jdbc;
    private final Path storage;
    private final ZoneId zone;
    private final PlainNationalIdAudit plainNationalIds;

    public ExportSteps(RunningExports running, LeadQueryBuilder queries, LeadWriters writers, ExportPermissions permissions,
                       LeadRecordFormatter formatter, ExportWorkers workers, DataSource dataSource,
                       ExportProperties properties, RequestProperties requestProperties,
                       PlainNationalIdAudit plainNationalIds) {
        this.formatter = formatter;
        this.workers = workers;
        this.chunkSize = properties.export().chunkSize();
        this.running = running;
        this.queries = queries;
        this.writers = writers;
        this.permissions = permissions;
        this.jdbc = new JdbcTemplate(dataSource);
        this.storage = properties.storage().directory().toAbsolutePath().normalize();
        this.zone = requestProperties.zone();
        this.plainNationalIds = plainNationalIds;
    }

    /** Checks the caller may run this request and starts a run; nothing is written yet. */
    public void begin(ExportRequest request, Exchange exchange) {
        ExportUser user = exchange.getProperty(USER, ExportUser.class);
        if (user == null) {
            throw new IllegalStateException("an export needs the " + USER + " property");
        }
        permissions.check(request, user);
        String jobId = exchange.getProperty(RUN_ID, String.class);
        String id = jobId != null ? jobId : UUID.randomUUID().toString();
        String trigger = exchange.getProperty(TRIGGER, "http", String.class);
        if (jobId == null) {
            // A synchronous export (a job has its log context and was audited already): one attempt, on this thread.
            ExportLogContext.enter(id, 1);
            plainNationalIds.started(request, user.username(), trigger, id);
        }
        OffsetDateTime now = OffsetDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS);
        ExportRun run = new ExportRun(id, request, user, trigger, now);
        exchange.setProperty(ExportRun.PROPERTY, run);
        running.started(run);
    }

    /** The total for progress: a count with the same filter as the stream. */
    public void count(@ExchangeProperty(ExportRun.PROPERTY) ExportRun run) {
        LeadQuery count = queries.count(run.request().filter());
        run.total(jdbc.queryForObject(count.sql(), Long.class, count.parameters().toArray()));
    }

    /** Opens the writer on a temporary file in a directory of the run's own. */
    public void open(@ExchangeProperty(ExportRun.PROPERTY) ExportRun run) throws IOException {
        run.fileName = ExportFileNamer.name(run.request(), run.generatedAt());
        run.directory = storage.resolve(run.id());
        Files.createDirectories(run.directory);
        run.file = run.directory.resolve(run.fileName);
        run.partFile = run.directory.resolve("." + run.fileName + ".part");
        run.digest = sha256();
        run.out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(run.partFile), 1 << 16),
                run.digest);
        run.writer = writers.open(run.out, new ExportDescription(run.request(), run.generatedAt(),
                run.requestedBy().username(), run.total()));
        run.writer.begin();
    }

    /** Puts the streaming query on the message for camel-sql ({@code useMessageBodyForSql}). */
    public void select(@ExchangeProperty(ExportRun.PROPERTY) ExportRun run, Exchange exchange) {
        LeadQuery select = queries.select(run.request().filter());
        exchange.getMessage().setBody(select.sql());
        exchange.getMessage().setHeader(SqlConstants.SQL_PARAMETERS, select.parameters());
    }

    /**
     * Starts reading the row stream ahead on a thread of its own and formatting it in chunks on the shared format
     * pool; returns the formatted chunks in row order, for the route to write one by one. Cancelling ends the row
     * stream at the next row.
     */
    public Iterator<List<Object[]>> formatAhead(Iterator<LeadRow> rows,
                                                @ExchangeProperty(ExportRun.PROPERTY) ExportRun run,
                                                Exchange exchange) {
        exchange.getMessage().removeHeader(SqlConstants.SQL_PARAMETERS);
        ExportRequest request = run.request();
        run.chunks = new FormattedChunks<>(new CancellableIterator<>(rows, run), chunkSize, workers.chunksAhead(),
                chunk -> formatter.format(chunk, request), workers.readers(), workers.formatters(), run::isCancelled);
        return run.chunks;
    }

    public void write(List<Object[]> records, @ExchangeProperty(ExportRun.PROPERTY) ExportRun run) throws IOException {
        run.writer.write(records);
        run.addProcessed(records.size());
    }

    /** Finishes the file and renames it into place; a cancelled run fails here instead. */
    public ExportResult complete(@ExchangeProperty(ExportRun.PROPERTY) ExportRun run, Exchange exchange)
            throws IOException {
        if (run.isCancelled()) {
            throw new ExportCancelledException(run.id());
        }
        run.writer.finish();
        run.writer.close();
        run.writer = null;
        run.out.close();
        run.out = null;
        try {
            Files.move(run.partFile, run.file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(run.partFile, run.file);
        }
        run.completed = true;
        long durationMs = Duration.between(run.startedAt(), Instant.now()).toMillis();
        ExportResult result = new ExportResult(run.id(), run.file, run.fileName, run.processed(), Files.size(run.file),
                HexFormat.of().formatHex(run.digest.digest()), durationMs);
        exchange.setProperty(ExportResult.PROPERTY, result);
        return result;
    }

    /** Runs on every path: after a failure or cancel, closes the writer and removes the partial file. */
    public void release(@ExchangeProperty(ExportRun.PROPERTY) ExportRun run) throws IOException {
        if (run == null) {
            return;
        }
        running.ended(run);
        run.stopReading();
        if (run.completed) {
            return;
        }
        run.closeQuietly();
        if (run.partFile != null) {
            Files.deleteIfExists(run.partFile);
        }
        if (run.directory != null) {
            try (var leftovers = Files.list(run.directory)) {
                if (leftovers.findAny().isEmpty()) {
                    Files.deleteIfExists(run.directory);
                }
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
