package io.leadexport.deliver;

/**
 * One POST to a CRM: up to {@code batch-size} leads as {@code {"jobId", "batch", "leads": [...]}}.
 *
 * @param idempotencyKey stable for the job and the batch number, so a retried or re-run batch is recognised by the CRM
 */
public record CrmBatch(int number, String idempotencyKey, int leads, byte[] json) {
}
