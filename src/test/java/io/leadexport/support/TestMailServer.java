package io.leadexport.support;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a free port, started once and given to every application context
 * as {@code spring.mail.host}/{@code port} (registered in {@code META-INF/spring.factories}). The customizer is the
 * same for every test class, so it does not split Spring's context cache.
 */
public final class TestMailServer implements ContextCustomizerFactory {

    private static GreenMail server;

    /** The running server, started on first use. */
    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
        }
        return server;
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new MailServerProperties();
    }

    /** Equal to every other instance: one cache key for all contexts. */
    record MailServerProperties() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestPropertyValues.of("spring.mail.host=127.0.0.1",
                    "spring.mail.port=" + server().getSmtp().getPort()).applyTo(context);
        }
    }
}
