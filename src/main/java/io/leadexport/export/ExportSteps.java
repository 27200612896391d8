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
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

import javax.sql.DataSource;

import io.leadexport.request.RequestProperties;
import io.leadexport.audit.PlainNationalIdAudit;
import io.leadexport.format.ExportDescription;
import io.leadexport.format.ExportFileNamer;
import io.leadexport.format.LeadWriter;
import io.leadexport.format.LeadWriters;
import io.leadexport.format.RenderedChunk;
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
 * formatted chunk, in row order), complete, and release on every path; and {@code plan}, which makes the run context
 * of a one-off run (a download) before it. The file is written under a temporary {@code .part} name in a directory of its own and
 * renamed into place only when complete; a failed or cancelled run leaves nothing behind.
 */
@Component("exportSteps")
public class ExportSteps {

    /** The pools of {@link ExchangeKeys#POOL}. */
    public static final String JOB_POOL = "exportDataSource";
    static final String DOWNLOAD_POOL = "downloadDataSource";

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

    /**
     * Plans a one-off run of the request (a synchronous download) as the {@code exportRun} property, once the caller's
     * rights are checked: a refused request never becomes a run (nor a history row).
     */
    public ExportRun plan(ExportRequest request, @ExchangeProperty(ExchangeKeys.USER) ExportUser user,
                          @ExchangeProperty(ExchangeKeys.TRIGGER) String trigger, Exchange exchange) {
        if (user == null) {
            throw new IllegalStateException("an export needs the " + ExchangeKeys.USER + " property");
        }
        permissions.check(request, user);
        String downloadId = exchange.getProperty(ExchangeKeys.DOWNLOAD_ID, String.class);
        ExportRun run = downloadId == null ? ExportRun.oneOff(request, user, trigger == null ? "http" : trigger, zone)
                : ExportRun.oneOff(downloadId, request, user, trigger == null ? "http" : trigger, zone);
        exchange.setProperty(ExchangeKeys.POOL, DOWNLOAD_POOL);
        // A synchronous export (a job has its log context and was audited already): one attempt, on this thread.
        ExportLogContext.enter(run.id(), 1);
        plainNationalIds.started(request, user.username(), run.trigger(), run.id());
        exchange.setProperty(ExchangeKeys.RUN, run);
        return run;
    }

    /** Checks the caller may run this request and starts the planned run; nothing is written yet. */
    public void begin(@ExchangeProperty(ExchangeKeys.RUN) ExportRun run) {
        if (run == null) {
            throw new IllegalStateException("an export needs a planned " + ExchangeKeys.RUN + " property");
        }
        permissions.check(run.request(), run.requestedBy());
        running.started(run);
    }

    /** The total for progress: a count with the same filter as the stream. */
    public void count(@ExchangeProperty(ExchangeKeys.RUN) ExportRun run) {
        LeadQuery count = queries.count(run.request().filter());
        run.total(jdbc.queryForObject(count.sql(), Long.class, count.parameters().toArray()));
    }

    /** Opens the writer on a temporary file in a directory of the run's own. */
    public void open(@ExchangeProperty(ExchangeKeys.RUN) ExportRun run) throws IOException {
        WriterSession session = run.session;
        session.fileName = ExportFileNamer.name(run.request(), run.generatedAt());
        // A job's attempt writes in <jobId>/attempt-<n>/, a download in <downloadId>/ (see ExportFolders).
        session.directory = ExportFolders.of(storage, run.id(), run.ofJob() ? run.attempt() : 0);
        Files.createDirectories(session.directory);
        session.file = session.directory.resolve(session.fileName);
        session.partFile = session.directory.resolve("." + session.fileName + ".part");
        session.digest = sha256();
        session.out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(session.partFile), 1 << 16),
                session.digest);
        session.writer = writers.open(session.out, new ExportDescription(run.request(), run.generatedAt(),
                run.requestedBy().username(), run.total()), session.directory);
        session.writer.begin();
    }

    /** Puts the streaming query on the message for camel-sql ({@code useMessageBodyForSql}). */
    public void select(@ExchangeProperty(ExchangeKeys.RUN) ExportRun run, Exchange exchange) {
        LeadQuery select = queries.select(run.request().filter());
        exchange.getMessage().setBody(select.sql());
        exchange.getMessage().setHeader(SqlConstants.SQL_PARAMETERS, select.parameters());
    }

    /**
     * Starts reading the row stream ahead on a thread of its own and formatting it in chunks on the shared format
     * pool, where formats that can also render their text ahead (CSV, text). Returns the chunks in row order, for
     * the route to write one by one. Cancelling ends the row stream at the next row.
     */
    public Iterator<FormattedChunk> formatAhead(Iterator<LeadRow> rows,
                                                @ExchangeProperty(ExchangeKeys.RUN) ExportRun run,
                                                Exchange exchange) {
        exchange.getMessage().removeHeader(SqlConstants.SQL_PARAMETERS);
        ExportRequest request = run.request();
        LeadWriter writer = run.session.writer;
        FormattedChunks<LeadRow, FormattedChunk> chunks = new FormattedChunks<>(
                new CancellableIterator<>(rows, run), chunkSize, workers.chunksAhead(),
                (chunk, firstRow) -> {
                    List<Object[]> records = formatter.format(chunk, request);
                    RenderedChunk rendered = writer.render(records, firstRow);
                    return rendered != null ? new FormattedChunk(null, rendered) : new FormattedChunk(records, null);
                },
                workers.readers(), workers.formatters(), run::isCancelled);
        run.session.chunks = chunks;
        return chunks;
    }

    /** Writes the next chunk, in row order. */
    public void write(FormattedChunk chunk, @ExchangeProperty(ExchangeKeys.RUN) ExportRun run) throws IOException {
        if (chunk.rendered() != null) {
            run.session.writer.write(chunk.rendered());
        } else {
            run.session.writer.write(chunk.records());
        }
        run.addProcessed(chunk.size());
    }

    /** Finishes the file and renames it into place; a cancelled run fails here instead. */
    public ExportResult complete(@ExchangeProperty(ExchangeKeys.RUN) ExportRun run) throws IOException {
        if (run.isCancelled()) {
            throw new ExportCancelledException(run.id());
        }
        WriterSession session = run.session;
        session.writer.finish();
        session.writer.close();
        session.writer = null;
        session.out.close();
        session.out = null;
        try {
            Files.move(session.partFile, session.file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(session.partFile, session.file);
        }
        session.completed = true;
        long durationMs = Duration.between(run.startedAt(), Instant.now()).toMillis();
        ExportResult result = new ExportResult(run.id(), session.file, session.fileName, run.processed(),
                Files.size(session.file), HexFormat.of().formatHex(session.digest.digest()), durationMs);
        run.result(result);
        return result;
    }

    /** Runs on every path: after a failure or cancel, closes the writer and removes the partial file. */
    public void release(@ExchangeProperty(ExchangeKeys.RUN) ExportRun run) throws IOException {
        if (run == null) {
            return;
        }
        running.ended(run);
        WriterSession session = run.session;
        session.stopReading();
        if (session.completed) {
            return;
        }
        session.closeQuietly();
        if (session.partFile != null) {
            Files.deleteIfExists(session.partFile);
        }
        if (session.directory != null) {
            try (var leftovers = Files.list(session.directory)) {
                if (leftovers.findAny().isEmpty()) {
                    Files.deleteIfExists(session.directory);
                    ExportFiles.deleteJobFolderIfEmpty(session.directory);
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
