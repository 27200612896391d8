package io.leadexport.request;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.leadexport.request.LeadField.*;

/** Named field selections (docs/api.md, "The export request"). */
public enum ExportTemplate {
    FULL("full", List.of(LeadField.values())),
    BASIC("basic", List.of(FULL_NAME, PHONE, EMAIL, STATUS, CREATED_AT)),
    /** Ready for a CRM import: phone numbers in E.164. */
    CRM("crm", List.of(FULL_NAME, PHONE, EMAIL, POLICY_OF_INTEREST)),
    /** A file Salesforce's lead import takes without a mapping step: see {@link CrmProfile#SALESFORCE}. */
    SALESFORCE(CrmProfile.SALESFORCE),
    /** A file HubSpot's contact import takes without a mapping step: see {@link CrmProfile#HUBSPOT}. */
    HUBSPOT(CrmProfile.HUBSPOT);

    private final String key;
    private final List<LeadField> fields;
    private final CrmProfile profile;

    ExportTemplate(String key, List<LeadField> fields) {
        this.key = key;
        this.fields = fields;
        this.profile = null;
    }

    ExportTemplate(CrmProfile profile) {
        this.key = profile.key();
        this.fields = profile.sources();
        this.profile = profile;
    }

    /** The CRM profile whose columns this template writes, if it is one. */
    public Optional<CrmProfile> profile() {
        return Optional.ofNullable(profile);
    }

    /** The column keys of the file: the profile's columns, or the fields' keys. */
    public List<String> columnKeys() {
        return profile != null ? profile.columnKeys() : fields.stream().map(LeadField::key).toList();
    }

    /** Phone numbers in E.164 for a CRM import, international format otherwise. */
    public boolean e164Phones() {
        return this == CRM || profile != null;
    }

    public String key() {
        return key;
    }

    public List<LeadField> fields() {
        return fields;
    }

    public static Optional<ExportTemplate> byKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
