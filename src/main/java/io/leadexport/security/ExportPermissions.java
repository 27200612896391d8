package io.leadexport.security;

import java.util.List;

import io.leadexport.record.NationalIdEncryptor;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.InvalidExportRequestException;
import io.leadexport.request.InvalidExportRequestException.FieldError;
import io.leadexport.request.NationalIdPolicy;

import org.springframework.stereotype.Component;

/** What a user may ask for, checked before anything starts (README, "Security"). */
@Component("exportPermissions")
public class ExportPermissions {

    private final boolean allowPlainNationalId;
    private final NationalIdEncryptor encryptor;

    public ExportPermissions(SecurityProperties properties, NationalIdEncryptor encryptor) {
        this.allowPlainNationalId = properties.security().allowPlainNationalId();
        this.encryptor = encryptor;
    }

    public void check(ExportRequest request, ExportUser user) {
        if (request.nationalId() == NationalIdPolicy.PLAIN) {
            if (!allowPlainNationalId) {
                throw new ExportForbiddenException("nationalId", "plain national IDs are disabled on this server "
                        + "(lead-export.security.allow-plain-national-id=false); use masked, encrypted or omitted");
            }
            if (!user.isAdmin()) {
                throw new ExportForbiddenException("nationalId",
                        "only an ADMIN may export plain national IDs; use masked, encrypted or omitted");
            }
        }
        if (request.nationalId() == NationalIdPolicy.ENCRYPTED && !encryptor.isConfigured()) {
            throw new InvalidExportRequestException(new FieldError("nationalId",
                    "'encrypted' needs a key, and none is configured (lead-export.security.national-id-active-key)",
                    allowedPolicies(user)));
        }
    }

    /** The policies this user may choose on this server, for error messages and the admin page. */
    public List<String> allowedPolicies(ExportUser user) {
        return java.util.Arrays.stream(NationalIdPolicy.values())
                .filter(p -> p != NationalIdPolicy.PLAIN || (allowPlainNationalId && user.isAdmin()))
                .filter(p -> p != NationalIdPolicy.ENCRYPTED || encryptor.isConfigured())
                .map(NationalIdPolicy::key)
                .toList();
    }
}
