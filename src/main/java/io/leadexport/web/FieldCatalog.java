package io.leadexport.web;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadexport.request.RequestProperties;
import io.leadexport.request.DestinationNames;
import io.leadexport.request.ExportFormat;
import io.leadexport.request.ExportTemplate;
import io.leadexport.request.LeadField;
import io.leadexport.request.LeadStatus;
import io.leadexport.request.NationalIdPolicy;
import io.leadexport.security.CurrentUser;
import io.leadexport.security.ExportPermissions;
import io.leadexport.security.ExportUser;

import org.springframework.stereotype.Component;

/** {@code GET /api/leads/export/fields}: what a request may name, for scripts and the admin page. */
@Component("fieldCatalog")
public class FieldCatalog {

    private final ExportPermissions permissions;
    private final CurrentUser currentUser;
    private final DestinationNames destinations;
    private final ZoneId zone;

    public FieldCatalog(ExportPermissions permissions, CurrentUser currentUser, DestinationNames destinations,
                        RequestProperties properties) {
        this.permissions = permissions;
        this.currentUser = currentUser;
        this.destinations = destinations;
        this.zone = properties.zone();
    }

    public Map<String, Object> describe() {
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("fields", Arrays.stream(LeadField.values())
                .map(f -> Map.of("key", f.key(), "label", f.label())).toList());
        catalog.put("templates", Arrays.stream(ExportTemplate.values()).map(FieldCatalog::template).toList());
        catalog.put("formats", Arrays.stream(ExportFormat.values()).map(ExportFormat::key).toList());
        catalog.put("statuses", LeadStatus.ALL);
        catalog.put("nationalIdPolicies", Arrays.stream(NationalIdPolicy.values()).map(NationalIdPolicy::key).toList());
        ExportUser user = currentUser.get();
        catalog.put("allowedNationalIdPolicies", permissions.allowedPolicies(user));
        catalog.put("destinations", destinations.all().stream().sorted().toList());
        catalog.put("destinationDescriptions", destinations.all().stream().sorted()
                .map(this::destination).toList());
        // Whole-day filters and the dates in files are in this zone: the page names it next to every time.
        catalog.put("zone", zone.getId());
        catalog.put("user", Map.of("username", user.username(), "roles", user.roles().stream().sorted().toList()));
        catalog.put("defaults", Map.of("format", "csv", "template", "full", "nationalId", "masked",
                "destination", "download"));
        return catalog;
    }

    /** A template's fields; a CRM profile also lists its columns (key, header, required). */
    private static Map<String, Object> template(ExportTemplate template) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key", template.key());
        view.put("fields", template.fields().stream().map(LeadField::key).toList());
        template.profile().ifPresent(profile -> view.put("crmColumns", profile.columns().stream()
                .map(c -> Map.of("name", c.key(), "header", c.header(), "required", c.required())).toList()));
        return view;
    }

    private Map<String, String> destination(String name) {
        Map<String, String> destination = new LinkedHashMap<>();
        destination.put("name", name);
        destination.put("description", destinations.description(name));
        return destination;
    }

}
