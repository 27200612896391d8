package io.leadexport.security;

import java.util.Set;

/** Who asked for an export: a person over HTTP, or a schedule or the inbox acting as a system user. */
public record ExportUser(String username, Set<String> roles) {

    public static final String ADMIN = "ADMIN";
    public static final String MANAGER = "MANAGER";

    public ExportUser {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    /** A schedule or the inbox: trusted server-side configuration, with the rights of an admin. */
    public static ExportUser system(String name) {
        return new ExportUser(name, Set.of(ADMIN));
    }
}
