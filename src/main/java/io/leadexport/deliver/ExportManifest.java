package io.leadexport.deliver;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.leadexport.export.ExportResult;
import io.leadexport.export.ExportRun;
import io.leadexport.request.ExportFormat;
import io.leadexport.request.RequestSummary;

import org.springframework.stereotype.Component;

/**
 * The sidecar {@code <file>.manifest.json} delivered beside a CSV file: the CSV itself stays a clean header-plus-rows
 * file, and what it was made from travels here (README, "The export request": CSV).
 */
@Component("exportManifest")
public class ExportManifest {

    public static final String SUFFIX = ".manifest.json";

    private final ObjectMapper json;

    public ExportManifest(ObjectMapper json) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public boolean applies(ExportRun run) {
        return run.request().format() == ExportFormat.CSV;
    }

    public byte[] manifest(ExportRun run, ExportResult result, String deliveredName) throws JsonProcessingException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("file", deliveredName);
        manifest.put("format", run.request().format().key());
        manifest.put("rows", result.rows());
        manifest.put("size", result.size());
        manifest.put("sha256", result.sha256());
        manifest.put("generatedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(run.generatedAt()));
        manifest.put("generatedBy", run.requestedBy().username());
        manifest.put("trigger", run.trigger());
        manifest.put("jobId", run.id());
        manifest.putAll(RequestSummary.request(run.request()));
        String warning = run.request().crmProfile() == null ? null
                : run.request().crmProfile().warning(result.rows());
        if (warning != null) {
            manifest.put("warning", warning);
        }
        return json.writeValueAsBytes(manifest);
    }
}
