package io.leadexport.request;

import java.util.List;

/**
 * The columns of a CRM profile template: a file that a CRM's own import tool takes without a mapping step. What goes
 * into each column is formatted in {@code io.leadexport.record.CrmRecords}; the README describes both profiles with
 * a sample.
 *
 * <p>Salesforce: the column headers are the ones the Data Import Wizard maps to standard lead fields by itself
 * (https://help.salesforce.com/s/articleView?id=xcloud.field_mapping_for_importing_leads.htm). Last Name and Company
 * are required on every lead; for a person the wizard's guidance is the person's name in Company. Our dates, the
 * policy and the conversation link have no standard lead field (Created Date can't be set by an import), so they go
 * to custom fields with the API names listed here, which an org creates once
 * (https://help.salesforce.com/apex/HTViewHelpDoc?id=xcloud.for_leads.htm: custom lead fields are imported too).
 * The wizard takes at most 50,000 records per file
 * (https://help.salesforce.com/s/articleView?id=sales.sales_core_import_csv.htm).
 *
 * <p>HubSpot: the headers match the default contact properties, so the import maps them by itself; contacts are
 * deduplicated on Email, and Lifecycle Stage and Lead Status take the properties' labels
 * (https://knowledge.hubspot.com/articles/kcs_article/contacts/how-do-i-import-contacts,
 * https://knowledge.hubspot.com/contacts/use-lifecycle-stages). The policy, contact time, conversation link and our
 * dates go to custom contact properties with the names listed here.
 */
public enum CrmProfile {

    SALESFORCE("salesforce", List.of(
            new Column("firstName", "First Name", false),
            new Column("lastName", "Last Name", true),
            new Column("company", "Company", true),
            new Column("email", "Email", false),
            new Column("phone", "Phone", false),
            new Column("street", "Street", false),
            new Column("city", "City", false),
            new Column("state", "State/Province", false),
            new Column("postalCode", "Zip/Postal Code", false),
            new Column("country", "Country", false),
            new Column("leadStatus", "Lead Status", true),
            new Column("leadSource", "Lead Source", false),
            new Column("description", "Description", false),
            new Column("policyOfInterest", "Policy_of_Interest__c", false),
            new Column("preferredContactTime", "Preferred_Contact_Time__c", false),
            new Column("conversationUrl", "Conversation_URL__c", false),
            new Column("leadCreatedDate", "Lead_Created_Date__c", false),
            new Column("leadUpdatedDate", "Lead_Updated_Date__c", false)),
            List.of(LeadField.FULL_NAME, LeadField.EMAIL, LeadField.PHONE, LeadField.ADDRESS, LeadField.STATUS,
                    LeadField.NOTES, LeadField.POLICY_OF_INTEREST, LeadField.PREFERRED_CONTACT_TIME,
                    LeadField.CONVERSATION_URL, LeadField.CREATED_AT, LeadField.UPDATED_AT)),

    HUBSPOT("hubspot", List.of(
            new Column("email", "Email", true),
            new Column("firstName", "First Name", false),
            new Column("lastName", "Last Name", false),
            new Column("phone", "Phone Number", false),
            new Column("street", "Street Address", false),
            new Column("city", "City", false),
            new Column("state", "State/Region", false),
            new Column("postalCode", "Postal Code", false),
            new Column("country", "Country/Region", false),
            new Column("lifecycleStage", "Lifecycle Stage", true),
            new Column("leadStatus", "Lead Status", false),
            new Column("message", "Message", false),
            new Column("policyOfInterest", "Policy of Interest", false),
            new Column("preferredContactTime", "Preferred Contact Time", false),
            new Column("conversationUrl", "Conversation Link", false),
            new Column("leadCreatedDate", "Lead Created Date", false),
            new Column("leadUpdatedDate", "Lead Updated Date", false)),
            List.of(LeadField.EMAIL, LeadField.FULL_NAME, LeadField.PHONE, LeadField.ADDRESS, LeadField.STATUS,
                    LeadField.NOTES, LeadField.POLICY_OF_INTEREST, LeadField.PREFERRED_CONTACT_TIME,
                    LeadField.CONVERSATION_URL, LeadField.CREATED_AT, LeadField.UPDATED_AT));

    /** Salesforce's Data Import Wizard imports at most this many records per file. */
    public static final long SALESFORCE_WIZARD_LIMIT = 50_000;

    /**
     * A profile column.
     *
     * @param required the CRM refuses a record without it; the profile always fills it
     */
    public record Column(String key, String header, boolean required) {
    }

    private final String key;
    private final List<Column> columns;
    private final List<LeadField> sources;

    CrmProfile(String key, List<Column> columns, List<LeadField> sources) {
        this.key = key;
        this.columns = columns;
        this.sources = sources;
    }

    public String key() {
        return key;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> columnKeys() {
        return columns.stream().map(Column::key).toList();
    }

    /** The lead fields the profile's columns are made from. */
    public List<LeadField> sources() {
        return sources;
    }

    /** What a file of this profile with this many rows should tell its reader, or null. */
    public String warning(long rows) {
        if (this == SALESFORCE && rows > SALESFORCE_WIZARD_LIMIT) {
            return "Salesforce's Data Import Wizard imports at most 50,000 records per file; this file has " + rows
                    + ". Split it, or import it with Data Loader.";
        }
        return null;
    }
}
