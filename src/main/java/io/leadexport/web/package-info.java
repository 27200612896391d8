/**
 * The HTTP edge of {@code routes/trigger-http.camel.yaml}: problem details, downloads, job views, the field catalog
 * and preview. The top layer: may use every package, and none uses it.
 */
package io.leadexport.web;
