/**
 * How long what can hold lead data or search text is kept ({@code lead-export.retention.*}, one sweep on every
 * instance), and erasure of a search text or a lead id from all of it. Uses the packages below it (the inbox and
 * outbox folders of {@code trigger}, the files of {@code export}, the audit log); only {@code web} sits above.
 */
package io.leadexport.retention;
