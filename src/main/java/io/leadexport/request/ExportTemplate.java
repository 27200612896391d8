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
    CRM("crm", List.of(FULL_NAME, PHONE, EMAIL, POLICY_OF_INTEREST));

    private final String key;
    private final List<LeadField> fields;

    ExportTemplate(String key, List<LeadField> fields) {
        this.key = key;
        this.fields = fields;
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
