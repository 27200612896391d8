/**
 * The destinations of {@code routes/deliver.camel.yaml}: their configuration ({@code lead-export.destinations}), and
 * what a Camel endpoint cannot do alone (local rename, SFTP names, retries and failures, PGP, CRM batches). Uses the
 * packages below it, up to {@code export}.
 */
package io.leadexport.deliver;
