package io.leadexport.deliver;

import io.leadexport.export.ExchangeKeys;
import io.leadexport.export.ExportResult;
import io.leadexport.export.ExportRun;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * What happens when a file with the export's name is already on the server (two exports of the same kind finished in
 * the same second): the data file is uploaded once more, under its name with the job id's first eight characters
 * before the extension ({@code leads_export_2024-01-08_020000_1f2e3d4c.csv}). Names stay readable in the common case
 * and unique in the rare one, and nothing is ever overwritten. A unique name or a manifest name that is taken fails
 * the job. Used by the {@code sftp-delivery} route configuration as {@code retryWhile} and {@code onRedelivery}.
 */
@Component("sftpUniqueName")
public class SftpUniqueName implements Processor {

    /** The {@code retryWhile} predicate: the taken name is the data file's own. */
    public boolean applies(@ExchangeProperty(ExchangeKeys.SFTP_UPLOAD) SftpUpload upload) {
        return upload != null && upload.isDataFile() && !upload.renamed();
    }

    /** Before the retry: the data file gets the name with the job id. */
    @Override
    public void process(Exchange exchange) {
        SftpUpload upload = exchange.getProperty(ExchangeKeys.SFTP_UPLOAD, SftpUpload.class);
        ExportRun run = exchange.getProperty(ExchangeKeys.RUN, ExportRun.class);
        ExportResult result = run.result();
        exchange.setProperty(ExchangeKeys.SFTP_UPLOAD,
                upload.renamedTo(unique(upload.fileName(), result.fileName(), run.id())));
    }

    /**
     * {@code name} with the job id before the export's extension: {@code name} is the export's file name, perhaps
     * followed by {@code .pgp}.
     */
    static String unique(String name, String exportFileName, String jobId) {
        int extension = exportFileName.lastIndexOf('.');
        String id = jobId.substring(0, Math.min(8, jobId.length()));
        if (extension < 0) {
            extension = exportFileName.length();
        }
        return name.substring(0, extension) + "_" + id + name.substring(extension);
    }
}
