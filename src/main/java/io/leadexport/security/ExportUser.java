package io.leadexport.security;

import java.util.Set;

/**
 * Who asked for an export: a person over HTTP ({@link RequesterKind#USER}), or a schedule or the inbox acting on its
 * own. Two requesters are the same only when both name and kind match.
 */
public record ExportUser(String username, Set<String> roles, RequesterKind kind) {

    public static final String ADMIN = "ADMIN";
    public static final String MANAGER = "MANAGER";
    /** The name the inbox acts under. */
    public static final String INBOX = "inbox";

    public ExportUser {
        roles = Set.copyOf(roles);
    }

    /** A person. */
    public ExportUser(String username, Set<String> roles) {
        this(username, roles, RequesterKind.USER);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    /** Whether this requester is the one named {@code username} of kind {@code kind}. */
    public boolean is(String username, RequesterKind kind) {
        return this.kind == kind && this.username.equals(username);
    }

    /** A schedule: trusted server-side configuration, with the rights of an admin. */
    public static ExportUser schedule(String name) {
        return new ExportUser(name, Set.of(ADMIN), RequesterKind.SCHEDULE);
    }

    /** The inbox: trusted server-side configuration, with the rights of an admin. */
    public static ExportUser inbox() {
        return new ExportUser(INBOX, Set.of(ADMIN), RequesterKind.INBOX);
    }
}
