package io.leadexport.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.leadexport.request.ExportRequest;
import io.leadexport.request.NationalIdPolicy;
import io.leadexport.request.RequestSummary;

import org.springframework.stereotype.Component;

/** Notes in the audit log every export that lets national IDs out in plain text, once, when it is allowed to start. */
@Component("plainNationalIdAudit")
public class PlainNationalIdAudit {

    private final AuditLog audit;

    public PlainNationalIdAudit(AuditLog audit) {
        this.audit = audit;
    }

    /** Records the export when its request asks for plain national IDs; does nothing otherwise. */
    public void started(ExportRequest request, String requestedBy, String trigger, String exportId) {
        if (request.nationalId() != NationalIdPolicy.PLAIN) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("trigger", trigger);
        details.put("format", request.format().key());
        details.put("filter", RequestSummary.filter(request.filter()));
        details.put("destination", request.destination());
        audit.recordAs(requestedBy, AuditAction.EXPORT_PLAIN_NATIONAL_ID, exportId, details);
    }
}
