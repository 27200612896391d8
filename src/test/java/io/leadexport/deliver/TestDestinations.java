package io.leadexport.deliver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;


/** {@link Destinations} built without Spring, from the documented defaults plus the given destinations. */
final class TestDestinations {

    private TestDestinations() {
    }

    static Destinations of(Map<String, DestinationProperties> configured) {
        return new Destinations(new DeliveryProperties(configured, new DeliveryProperties.Outbox("./outbox")));
    }

    static DestinationProperties sftp(String directory, String password, Path privateKey, Path knownHosts,
                                      Path pgpPublicKey) {
        return new DestinationProperties(DestinationType.SFTP, directory, "sftp.example.com", 2222, "leads", password,
                privateKey, null, knownHosts, pgpPublicKey, null, null, 500, 3, Duration.ofSeconds(1));
    }
}
