package io.leadexport.export;

/** The export was cancelled while it ran; its partial file has been removed. */
public class ExportCancelledException extends RuntimeException {

    public ExportCancelledException(String runId) {
        super("export " + runId + " was cancelled");
    }
}
