package io.leadexport.preset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadexport.request.PresetLookup;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The {@code export_presets} table. Read at start-up too (a schedule's preset is checked then), so it waits for the
 * migrations.
 */
@Component
@DependsOnDatabaseInitialization
public class PresetStore implements PresetLookup {

    private static final String COLUMNS = "owner, name, shared, request::text as request, updated_at, updated_by";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public PresetStore(DataSource dataSource, ObjectMapper json) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.json = json;
    }

    /** The caller's own preset of that name, else the shared one; a null owner sees shared presets only. */
    public Optional<Preset> visible(String name, String owner) {
        if (owner != null) {
            Optional<Preset> own = own(owner, name);
            if (own.isPresent()) {
                return own;
            }
        }
        return shared(name);
    }

    public Optional<Preset> own(String owner, String name) {
        return jdbc.query("select " + COLUMNS + " from export_presets where owner = ? and name = ?", MAPPER, owner, name)
                .stream().findFirst();
    }

    public Optional<Preset> shared(String name) {
        return jdbc.query("select " + COLUMNS + " from export_presets where shared and name = ?", MAPPER, name)
                .stream().findFirst();
    }

    /** The caller's presets and the shared ones, by name (the caller's first where both have a name). */
    public List<Preset> list(String owner) {
        return jdbc.query("select " + COLUMNS + " from export_presets where owner = ? or shared "
                + "order by name, (owner = ?) desc, owner", MAPPER, owner, owner);
    }

    /** Creates or replaces {@code owner}'s preset {@code name}. */
    public void put(String owner, String name, boolean shared, String requestJson, String updatedBy) {
        jdbc.update("insert into export_presets (owner, name, shared, request, updated_by) values (?, ?, ?, ?::jsonb, ?) "
                + "on conflict (owner, name) do update set shared = excluded.shared, request = excluded.request, "
                + "updated_by = excluded.updated_by, updated_at = now()", owner, name, shared, requestJson, updatedBy);
    }

    public boolean delete(String owner, String name) {
        return jdbc.update("delete from export_presets where owner = ? and name = ?", owner, name) == 1;
    }

    @Override
    public Optional<ObjectNode> find(String name, String owner) {
        return visible(name, owner).map(p -> {
            try {
                return (ObjectNode) json.readTree(p.requestJson());
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable preset " + name, e);
            }
        });
    }

    @Override
    public List<String> names(String owner) {
        return owner == null
                ? jdbc.queryForList("select name from export_presets where shared order by name", String.class)
                : jdbc.queryForList("select distinct name from export_presets where owner = ? or shared order by name",
                        String.class, owner);
    }

    private static final RowMapper<Preset> MAPPER = (ResultSet rs, int n) -> new Preset(
            rs.getString("owner"), rs.getString("name"), rs.getBoolean("shared"), rs.getString("request"),
            rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
}
