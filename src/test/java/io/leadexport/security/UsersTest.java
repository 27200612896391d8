package io.leadexport.security;

import java.util.List;

import io.leadexport.TestProperties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

class UsersTest {

    private final SecurityConfiguration configuration = new SecurityConfiguration();

    @Test
    void configuredUsersKeepTheirRolesAndPasswords() {
        UserDetailsService users = configuration.users(with(new SecurityProperties.User("mia", "{noop}pw",
                List.of("manager"), null)));

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
        new ApplicationContextRunner().withUserConfiguration(Users.class)
                .withPropertyValues("lead-export.users[0].username=x", "lead-export.users[0].password={noop}pw",
                        "lead-export.users[0].roles=SUPERUSER")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("lead-export.users: user 'x' has unknown role 'SUPERUSER'"));
    }

    /** The users as the application builds them from its configuration. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SecurityProperties.class)
    static class Users {
        @Bean
        UserDetailsService users(SecurityProperties properties) {
            return new SecurityConfiguration().users(properties);
        }
    }

    private static SecurityProperties with(SecurityProperties.User user) {
        return new SecurityProperties(List.of(user), TestProperties.defaults(SecurityProperties.class).security());
    }
}
