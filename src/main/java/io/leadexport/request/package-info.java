/**
 * The export request: what may be asked ({@code LeadField}, {@code ExportTemplate}, {@code ExportFormat}, the filter),
 * its strict parsing from JSON, a query string or an inbox file, and its canonical summary. Every trigger turns what
 * arrived into an {@code ExportRequest} here. Uses no other package of the application (destination names come in
 * through the {@code DestinationNames} interface).
 */
package io.leadexport.request;
