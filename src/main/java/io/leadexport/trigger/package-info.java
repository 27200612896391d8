/**
 * The triggers besides HTTP: schedules ({@code routes/trigger-schedule.camel.yaml}) and the inbox folder
 * ({@code routes/trigger-inbox.camel.yaml}). Each turns what arrived into an {@code ExportRequest} and queues it as
 * a job. Uses the packages below it; only {@code retention} and {@code web} sit above.
 */
package io.leadexport.trigger;
