/**
 * Retention ({@code lead-export.retention.*}): one sweep deletes what has aged out, jobs with their files, history,
 * audit entries, and the inbox's and outbox's files. Sits above {@code trigger} and {@code deliver}, whose folders it
 * sweeps; only {@code web} is above it.
 */
package io.leadexport.retention;
