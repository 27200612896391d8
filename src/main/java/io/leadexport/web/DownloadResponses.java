package io.leadexport.web;

import io.leadexport.export.ExchangeKeys;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.export.ExportFiles;
import io.leadexport.export.ExportResult;
import io.leadexport.export.ExportRun;
import io.leadexport.request.RequestSummary;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/** Turns a finished export into an HTTP attachment, and removes the file once a one-off download is sent. */
@Component("downloadResponses")
public class DownloadResponses {

    public static final String FILTER_HEADER = "X-Export-Filter";

    private final ObjectMapper asciiJson;

    public DownloadResponses(ObjectMapper json) {
        this.asciiJson = json.copy().configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, true);
    }

    public void attach(ExportResult result, @ExchangeProperty(ExchangeKeys.RUN) ExportRun run, Exchange exchange)
            throws JsonProcessingException {
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, run.request().format().contentType());
        message.setHeader(Exchange.CONTENT_LENGTH, result.size());
        message.setHeader("Content-Disposition", contentDisposition(result.fileName()));
        message.setHeader(FILTER_HEADER, filterHeader(run));
        message.setHeader("X-Export-Rows", result.rows());
        message.setHeader("X-Export-Sha256", result.sha256());
        message.setBody(result.file().toFile());
    }

    /** The filter as compact JSON, non-ASCII escaped so the header stays valid. */
    public String filterHeader(ExportRun run) throws JsonProcessingException {
        return filterHeader(RequestSummary.filter(run.request().filter()));
    }

    public String filterHeader(Object filter) throws JsonProcessingException {
        return asciiJson.writeValueAsString(filter == null ? java.util.Map.of() : filter);
    }

    /** An ASCII {@code filename} for old clients and an RFC 5987 {@code filename*} for the rest. */
    public static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + UriUtils.encode(fileName, StandardCharsets.UTF_8);
    }

    /** Deletes a one-off download's file and its directory once the response has been written. */
    public void discard(@ExchangeProperty(ExchangeKeys.RUN) ExportRun run) {
        if (run != null) {
            ExportFiles.deleteDirectory(run.directory());
        }
    }
}
