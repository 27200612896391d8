package io.leadexport.export;

/**
 * The few exchange properties that remain, named in one place. A run's own state is not among them: it is the one
 * typed {@link ExportRun} ({@link #RUN}).
 */
public final class ExchangeKeys {

    /** The {@link ExportRun} going through the pipeline, then delivery and the finish route. */
    public static final String RUN = "exportRun";
    /** A synchronous download's id, given by its download slot (the row that counts it and owns its folder). */
    public static final String DOWNLOAD_ID = "exportDownloadId";
    /**
     * The DataSource the run-export route streams from: {@code exportDataSource} for jobs and schedules,
     * {@code downloadDataSource} for synchronous downloads, so downloads never take a job's connection.
     */
    public static final String POOL = "exportPool";
    /** Who asks ({@code security.ExportUser}): set by every trigger, read by the HTTP routes and the job queue. */
    public static final String USER = "exportUser";
    /** What started the export: {@code http}, {@code schedule} or {@code file}; input of {@code direct:start-export}. */
    public static final String TRIGGER = "exportTrigger";
    /** What started a job once only (an inbox file, a schedule's fire time); input of {@code direct:start-export}. */
    public static final String SOURCE = "exportSource";
    /** The {@code Idempotency-Key} a user sent with a POST: a repeat within 24 h answers the first job. */
    public static final String IDEMPOTENCY_KEY = "exportIdempotencyKey";
    /** The background job ({@code job.ExportJob}) a worker exchange runs. */
    public static final String JOB = "exportJob";
    /**
     * What a run ended with, for {@code direct:finish-export}: set by its caller from the exception it caught; absent
     * when the run succeeded.
     */
    public static final String FAILURE = "exportFailure";
    /** The history event the finish route taps to {@code direct:record-history}. */
    public static final String HISTORY_EVENT = "historyEvent";
    /** The schedule a tick belongs to (set by the {@code scheduled-export} route template). */
    public static final String SCHEDULE = "scheduleName";
    /** Delivery: the destination's type, which picks the {@code deliver-*} route. */
    public static final String DELIVERY_TYPE = "deliveryType";
    /** Delivery: the SFTP endpoint URI of the destination. */
    public static final String SFTP_URI = "sftpUri";
    /** Delivery: the SFTP upload in progress ({@code deliver.SftpUpload}). */
    public static final String SFTP_UPLOAD = "sftpUpload";
    /** Delivery: the CRM URL the batches are POSTed to. */
    public static final String CRM_URL = "crmUrl";
    /** Delivery: the CRM batches accepted so far. */
    public static final String CRM_BATCHES_SENT = "crmBatchesSent";

    private ExchangeKeys() {
    }
}
