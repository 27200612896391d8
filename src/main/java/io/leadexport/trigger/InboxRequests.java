package io.leadexport.trigger;

import io.leadexport.export.ExchangeKeys;
import io.leadexport.export.ExportSteps;
import io.leadexport.job.ExportJobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.leadexport.request.RequestProperties;
import io.leadexport.deliver.Destinations;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportRequestParser;
import io.leadexport.request.InvalidExportRequestException;
import io.leadexport.request.InvalidExportRequestException.FieldError;
import io.leadexport.security.ExportForbiddenException;
import io.leadexport.security.ExportUser;

import org.apache.camel.Exchange;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The inbox trigger's steps: a dropped {@code *.json} file becomes an export request, or an explanation in
 * {@code .error/<name>.error.json}. Only regular files directly in the inbox are read: symbolic links and anything that
 * resolves outside the folder are refused, and so is a file larger than a request may be. Each file becomes one job,
 * also when it is read again after a restart: its source is its name, modification time and size.
 */
@Component("inboxRequests")
public class InboxRequests {

    private static final Logger log = LoggerFactory.getLogger(InboxRequests.class);
    public static final String USER = "inbox";

    private final ExportRequestParser parser;
    private final InboxLog inboxLog;
    private final ObjectMapper json;
    private final Path inbox;
    private final int maxBytes;

    public InboxRequests(ExportRequestParser parser, ObjectMapper json, TriggerProperties properties,
                         RequestProperties requestProperties, InboxLog inboxLog) {
        this.parser = parser;
        this.inboxLog = inboxLog;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.inbox = Path.of(properties.inbox().directory()).toAbsolutePath().normalize();
        this.maxBytes = requestProperties.maxRequestBytes();
    }

    public ExportRequest read(Exchange exchange) throws IOException {
        Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class)).toAbsolutePath().normalize();
        if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw refused("is not a regular file (symbolic links are not followed)");
        }
        if (!file.getParent().toRealPath().equals(inbox.toRealPath())) {
            throw refused("is not directly in the inbox folder");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw refused("is " + size + " bytes; a request may be at most " + maxBytes);
        }
        byte[] content = Files.readAllBytes(file);
        ExportRequest request = parser.fromJsonBytes(content);
        JsonNode document = json.readTree(content);
        if (document == null || !document.has("destination")) {
            request = request.withDestination(Destinations.OUTBOX);
        }
        exchange.setProperty(ExchangeKeys.USER, ExportUser.inbox());
        exchange.setProperty(ExchangeKeys.TRIGGER, "file");
        exchange.setProperty(ExchangeKeys.SOURCE, "file:" + file.getFileName() + ":"
                + Files.getLastModifiedTime(file).toMillis() + ":" + size);
        return request;
    }

    /** Explains a refused file beside it in {@code .error/}, where the file consumer moves it. */
    public void rejected(Exchange exchange) throws IOException {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", name);
        report.put("at", Instant.now().toString());
        InvalidExportRequestException invalid = ObjectHelper.getException(InvalidExportRequestException.class, failure);
        ExportForbiddenException forbidden = ObjectHelper.getException(ExportForbiddenException.class, failure);
        if (invalid != null) {
            report.put("error", "Invalid export request");
            report.put("detail", invalid.getMessage());
            report.put("errors", invalid.errors());
        } else if (forbidden != null) {
            report.put("error", "Forbidden");
            report.put("detail", forbidden.getMessage());
            report.put("errors", List.of(new FieldError(forbidden.field(), forbidden.getMessage(), List.of())));
        } else {
            report.put("error", "The request could not be queued");
            report.put("detail", ExportJobs.describe(failure));
        }
        Path errors = inbox.resolve(".error");
        Files.createDirectories(errors);
        Files.write(errors.resolve(name + ".error.json"), json.writeValueAsBytes(report));
        inboxLog.refused(name, String.valueOf(report.get("detail")));
        log.warn("Inbox file {} refused: {}", name, report.get("detail"));
    }

    private static InvalidExportRequestException refused(String why) {
        return new InvalidExportRequestException(FieldError.of("file", why));
    }

}
