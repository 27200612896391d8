/**
 * The database: the application's data source, the exports' own read-only pool (autocommit off, so PostgreSQL
 * streams through a cursor), the embedded PostgreSQL used when no {@code spring.datasource.url} is set, and its demo
 * leads. The lowest layer: uses no other package of the application.
 */
package io.leadexport.database;
