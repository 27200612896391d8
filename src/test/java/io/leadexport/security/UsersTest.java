package io.leadexport.security;

import java.util.List;

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
        UserDetailsService users = configuration.users(with(new SecurityProperties.User("mia", "{noop}pw",
                List.of("manager"))));

        assertThat(users.loadUserByUsername("mia").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_MANAGER");
        assertThat(users.loadUserByUsername("mia").getPassword()).isEqualTo("{noop}pw");
    }

    @Test
    void passwordsAreNeverReEncodedOnLogin() {
        // A UserDetailsPasswordService would get {noop} passwords re-encoded with bcrypt at the first login, and
        // every later HTTP Basic call would pay for bcrypt.
        assertThat(configuration.users(TestProperties.defaults(SecurityProperties.class))).isNotInstanceOf(UserDetailsPasswordService.class);
    }

    @Test
    void anUnknownRoleStopsTheStartUp() {
        assertThatThrownBy(() -> configuration.users(with(new SecurityProperties.User("x", "{noop}pw",
                List.of("SUPERUSER"))))).hasMessageContaining("unknown role 'SUPERUSER'");
    }

    private static SecurityProperties with(SecurityProperties.User user) {
        return new SecurityProperties(List.of(user), TestProperties.defaults(SecurityProperties.class).security());
    }
}
