/**
 * What every finished export leaves behind ({@code routes/history.camel.yaml}): the history event, the append-only
 * history and the metrics. Uses the packages below it, up to {@code job}.
 */
package io.leadexport.history;
