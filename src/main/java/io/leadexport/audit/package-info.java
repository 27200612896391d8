/**
 * The audit log: who did what (plain national IDs, sign-in failures, ...), written off the caller's thread, and read
 * by ADMINs. Uses {@code request} and {@code query}; the pipeline, jobs and the HTTP edge write to it.
 */
package io.leadexport.audit;
