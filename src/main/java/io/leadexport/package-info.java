/**
 * Lead Export: the application class only. The features live in packages that mirror the route files of
 * {@code routes/}, layered bottom to top; a package uses only the packages below it (ArchitectureTest checks this,
 * and that nothing imports this root package):
 * <ol>
 *   <li>{@code database}: the data source, the exports' own pool, the embedded PostgreSQL and its demo leads</li>
 *   <li>{@code request}: the export request, its strict parsing and validation, the field catalog and templates</li>
 *   <li>{@code query}: a request's filter as parameterised SQL, and a page of results</li>
 *   <li>{@code record}: one lead row as the values written (masking, encryption, phone, dates, address)</li>
 *   <li>{@code format}: one writer per format behind {@code LeadWriter}</li>
 *   <li>{@code audit}: the audit log of who did what</li>
 *   <li>{@code security}: users, roles, who may ask for what</li>
 *   <li>{@code export}: the one pipeline ({@code export.camel.yaml}): run context, steps, cancel</li>
 *   <li>{@code deliver}: the destinations ({@code deliver.camel.yaml})</li>
 *   <li>{@code job}: background jobs ({@code jobs.camel.yaml}): queue, claim, lease, heartbeat, recovery, retention</li>
 *   <li>{@code history}: the finish route's event, history and metrics ({@code history.camel.yaml})</li>
 *   <li>{@code trigger}: schedule and inbox ({@code trigger-schedule.camel.yaml}, {@code trigger-inbox.camel.yaml})</li>
 *   <li>{@code retention}: the retention sweep of everything that can hold lead data, and erasure</li>
 *   <li>{@code preset}: saved export setups, and the rules for saving, sharing and deleting them (schedules name
 *   shared ones)</li>
 *   <li>{@code web}: the HTTP edge ({@code trigger-http.camel.yaml}): problem details, downloads, job views</li>
 * </ol>
 * Each package owns its part of the {@code lead-export.*} configuration as a {@code *Properties} record. A route
 * step's bean is named after its class: {@code ref: exportSteps} is {@code export.ExportSteps}.
 */
package io.leadexport;
