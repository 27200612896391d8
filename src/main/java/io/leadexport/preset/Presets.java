package io.leadexport.preset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadexport.audit.AuditAction;
import io.leadexport.audit.AuditLog;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportRequestParser;
import io.leadexport.request.InvalidExportRequestException;
import io.leadexport.request.InvalidExportRequestException.FieldError;
import io.leadexport.security.ExportForbiddenException;
import io.leadexport.security.ExportPermissions;
import io.leadexport.security.ExportUser;
import io.leadexport.trigger.TriggerProperties;

import org.springframework.stereotype.Component;

/**
 * Saved export setups: the one place where presets are saved, shared, unshared and deleted, and the rules that go
 * with it. A preset holds a request without a destination (where a file goes is the choice of whoever uses the
 * preset); it is checked against its author's rights when saved, and the merged request is checked again against
 * the rights of whoever uses it. Only an ADMIN shares. A shared preset that a configured schedule names can't be
 * deleted or unshared, and can only be changed in a way that keeps that schedule's request valid.
 */
@Component("presets")
public class Presets {

    public static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");

    private final PresetStore store;
    private final ExportRequestParser parser;
    private final ExportPermissions permissions;
    private final ObjectMapper json;
    private final Map<String, TriggerProperties.Schedule> schedules;
    private final AuditLog audit;

    public Presets(PresetStore store, ExportRequestParser parser, ExportPermissions permissions, ObjectMapper json,
                   TriggerProperties properties, AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.parser = parser;
        this.permissions = permissions;
        this.json = json;
        this.schedules = new TreeMap<>(properties.schedules());
    }

    /** The caller's presets and the shared ones. */
    public List<Map<String, Object>> list(ExportUser user) {
        return store.list(user.username()).stream().map(this::view).toList();
    }

    /**
     * Saves the caller's preset {@code name}; an ADMIN saving a name that is shared changes the shared preset.
     *
     * @return the saved preset as the API shows it
     */
    public Map<String, Object> save(String name, ObjectNode request, boolean shared, ExportUser user) {
        checkName(name);
        ExportRequest parsed;
        try {
            parsed = parser.fromPresetJson(json.writeValueAsBytes(request));
        } catch (InvalidExportRequestException e) {
            throw new InvalidExportRequestException(e.errors().stream()
                    .map(error -> new FieldError("request." + error.field(), error.message(), error.allowed()))
                    .toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            permissions.check(parsed, user);
        } catch (ExportForbiddenException e) {
            throw new ExportForbiddenException("request." + e.field(), e.getMessage());
        }
        if (shared && !user.isAdmin()) {
            throw new ExportForbiddenException("shared", "only an ADMIN may share a preset");
        }
        Optional<Preset> sharedOne = user.isAdmin() ? store.shared(name) : Optional.empty();
        String owner = sharedOne.map(Preset::owner).orElse(user.username());
        Optional<Preset> existing = sharedOne.isPresent() ? sharedOne : store.own(owner, name);
        if (existing.isPresent() && existing.get().shared()) {
            List<String> naming = schedulesNaming(name);
            if (!shared && !naming.isEmpty()) {
                throw conflict("preset '" + name + "' is named by schedule(s) " + naming
                        + ", which may name shared presets only; it stays shared");
            }
            List<String> broken = schedulesBrokenBy(name, request);
            if (!broken.isEmpty()) {
                throw conflict("with this request, the request of schedule(s) " + broken + " that name preset '"
                        + name + "' would no longer be valid");
            }
        }
        try {
            store.put(owner, name, shared, json.writeValueAsString(request), user.username());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw conflict("another user's preset '" + name + "' is already shared");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        audit.recordAs(user.username(), shared ? AuditAction.PRESET_SHARE : AuditAction.PRESET_SAVE, name,
                Map.of("owner", owner, "shared", shared));
        return view(store.own(owner, name).orElseThrow());
    }

    /** Deletes the caller's preset {@code name}, or, for an ADMIN without one, the shared preset of that name. */
    public void delete(String name, ExportUser user) {
        Optional<Preset> preset = store.own(user.username(), name);
        if (preset.isEmpty() && user.isAdmin()) {
            preset = store.shared(name);
        }
        if (preset.isEmpty()) {
            throw new PresetNotFoundException("no preset '" + name + "' of yours"
                    + (user.isAdmin() ? " or shared" : ""));
        }
        if (preset.get().shared()) {
            List<String> naming = schedulesNaming(name);
            if (!naming.isEmpty()) {
                throw conflict("preset '" + name + "' is named by schedule(s) " + naming
                        + "; change their request.preset first");
            }
        }
        store.delete(preset.get().owner(), name);
        audit.recordAs(user.username(), AuditAction.PRESET_DELETE, name,
                Map.of("owner", preset.get().owner(), "shared", preset.get().shared()));
    }

    /** The configured schedules whose request names this preset. */
    public List<String> schedulesNaming(String name) {
        List<String> naming = new ArrayList<>();
        schedules.forEach((schedule, config) -> {
            if (name.equals(presetOf(config))) {
                naming.add(schedule);
            }
        });
        return naming;
    }

    private List<String> schedulesBrokenBy(String name, ObjectNode request) {
        List<String> broken = new ArrayList<>();
        for (String schedule : schedulesNaming(name)) {
            TriggerProperties.Schedule config = schedules.get(schedule);
            try {
                ObjectNode own = json.copy().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                        .valueToTree(config.request());
                if (config.destination() != null) {
                    own.put("destination", config.destination());
                }
                parser.withPreset(json.writeValueAsBytes(own), name, request);
            } catch (InvalidExportRequestException | IOException | ClassCastException e) {
                broken.add(schedule);
            }
        }
        return broken;
    }

    private String presetOf(TriggerProperties.Schedule schedule) {
        String preset = schedule.request().preset();
        return preset == null ? null : preset.strip();
    }

    private Map<String, Object> view(Preset preset) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", preset.name());
        view.put("owner", preset.owner());
        view.put("shared", preset.shared());
        try {
            view.put("request", json.readTree(preset.requestJson()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        view.put("updatedAt", preset.updatedAt().toString());
        view.put("updatedBy", preset.updatedBy());
        view.put("schedules", preset.shared() ? schedulesNaming(preset.name()) : List.of());
        return view;
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidExportRequestException(FieldError.of("name",
                    "'" + name + "' is not a preset name: 1 to 64 of a-z, 0-9 and -"));
        }
    }

    private static PresetConflictException conflict(String message) {
        return new PresetConflictException(message);
    }
}
