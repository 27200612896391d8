package io.leadexport.database;

/**
 * Where the lead database is: the configured {@code spring.datasource.*}, or the embedded PostgreSQL.
 *
 * @param embedded whether it is the embedded default (the only database demo leads are seeded into)
 */
public record DatabaseEndpoint(String url, String username, String password, boolean embedded) {
}
