/**
 * One writer per format (CSV, XLSX, JSON, text) behind {@code LeadWriter}: begin, write a chunk, finish. Uses
 * {@code request} and {@code record}.
 */
package io.leadexport.format;
