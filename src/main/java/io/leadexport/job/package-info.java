/**
 * Background export jobs of {@code routes/jobs.camel.yaml}: the queue and its store, claim, lease and heartbeat,
 * recovery of an instance that died, and retention of the files. Uses the packages below it, up to
 * {@code deliver}; it knows nothing of history, triggers or HTTP.
 */
package io.leadexport.job;
