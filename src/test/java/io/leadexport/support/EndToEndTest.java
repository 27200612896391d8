package io.leadexport.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.leadexport.LeadExportApplication;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with its own embedded PostgreSQL, driven over HTTP. One shared
 * configuration, so Spring caches one context (and one database) for every end-to-end test class that uses it.
 * The export zone is New York, so whole-day filters are tested away from UTC.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CamelSpringBootTest
@ActiveProfiles("test")
@AutoConfigureObservability
@SpringBootTest(classes = LeadExportApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "lead-export.zone=America/New_York",
                "lead-export.users[0].username=admin",
                "lead-export.users[0].password={noop}admin-pw",
                "lead-export.users[0].roles=ADMIN",
                "lead-export.users[0].email=admin@example.com",
                "lead-export.users[1].username=manager",
                "lead-export.users[1].password={noop}manager-pw",
                "lead-export.users[1].roles=MANAGER",
                "lead-export.users[1].email=manager@example.com",
                "lead-export.users[2].username=manager2",
                "lead-export.users[2].password={noop}manager2-pw",
                "lead-export.users[2].roles=MANAGER",
                // An address no mail server takes: its notifications fail (NotificationsTest).
                "lead-export.users[3].username=bounce",
                "lead-export.users[3].password={noop}bounce-pw",
                "lead-export.users[3].roles=MANAGER",
                "lead-export.users[3].email=bounce@@example.com",
                // People whose names are those of the inbox and of a schedule: they are not the inbox or the schedule.
                "lead-export.users[4].username=inbox",
                "lead-export.users[4].password={noop}inbox-pw",
                "lead-export.users[4].roles=MANAGER",
                "lead-export.users[5].username=nightly",
                "lead-export.users[5].password={noop}nightly-pw",
                "lead-export.users[5].roles=MANAGER",
                "lead-export.security.allow-plain-national-id=true",
                "lead-export.security.national-id-keys.k1=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "lead-export.security.national-id-active-key=k1",
                "lead-export.export.fetch-size=50",
                "lead-export.export.chunk-size=20",
                "lead-export.jobs.poll-interval-ms=100",
                "lead-export.jobs.heartbeat-interval-ms=200",
                "lead-export.jobs.recovery-interval-ms=200",
                "lead-export.jobs.lease=2s",
                "lead-export.public-url=https://leads.example.com/",
                "lead-export.notifications.email.from=lead-export@example.com",
                "lead-export.notifications.email.retry-delay-ms=100",
                // The sweep runs often and soon after a job's end, so it races every notification of these tests:
                // each still goes out once (NotificationsTest).
                "lead-export.notifications.sweep-interval-ms=300",
                "lead-export.notifications.sweep-grace=1s",
        })
public @interface EndToEndTest {
}
