package io.leadexport.deliver;

import java.util.Locale;

/** How a destination receives exports. */
public enum DestinationType {
    LOCAL, SFTP, HTTP;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
