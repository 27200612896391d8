package io.leadexport.security;

import java.util.List;

import io.leadexport.LeadExportProperties;
import io.leadexport.TestProperties;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsersTest {

    private final SecurityConfiguration configuration = new SecurityConfiguration();

    @Test
    void configuredUsersKeepTheirRolesAndPasswords() {
        UserDetailsService users = configuration.users(with(new LeadExportProperties.User("mia", "{noop}pw",
                List.of("manager"), null)));

        assertThat(users.loadUserByUsername("mia").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_MANAGER");
        assertThat(users.loadUserByUsername("mia").getPassword()).isEqualTo("{noop}pw");
    }

    @Test
    void passwordsAreNeverReEncodedOnLogin() {
        // A UserDetailsPasswordService would get {noop} passwords re-encoded with bcrypt at the first login, and
        // every later HTTP Basic call would pay for bcrypt.
        assertThat(configuration.users(TestProperties.defaults())).isNotInstanceOf(UserDetailsPasswordService.class);
    }

    @Test
    void anUnknownRoleStopsTheStartUp() {
        assertThatThrownBy(() -> configuration.users(with(new LeadExportProperties.User("x", "{noop}pw",
                List.of("SUPERUSER"), null)))).hasMessageContaining("unknown role 'SUPERUSER'");
    }

    private static LeadExportProperties with(LeadExportProperties.User user) {
        LeadExportProperties d = TestProperties.defaults();
        return new LeadExportProperties(d.zone(), d.conversationUrlTemplate(), d.phone(), d.demo(), d.database(),
                d.export(), d.storage(), d.jobs(), d.security(), List.of(user), d.destinations(), d.schedules(),
                d.inbox());
    }
}
