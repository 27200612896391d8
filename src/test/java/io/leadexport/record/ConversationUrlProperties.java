package io.leadexport.record;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;

import io.leadexport.request.RequestProperties;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The conversation link is the template with the stripped, path-encoded id in place of each {@code {id}}. */
class ConversationUrlProperties {

    private static final NationalIdEncryptor ENCRYPTOR = new NationalIdEncryptor(
            Map.of("k1", Base64.getEncoder().encodeToString(new byte[32])), "k1");
    private static final RequestProperties REQUESTS =
            new RequestProperties(ZoneId.of("UTC"), new RequestProperties.Limits(65536));

    @Property(tries = 3000)
    void theLinkIsTheTemplateWithTheEncodedId(
            @ForAll @StringLength(max = 20) @CharRange(from = ' ', to = '~') @Chars({'ü', '\t', '中'}) String id,
            @ForAll("templates") String template) {
        LeadRecordFormatter formatter = new LeadRecordFormatter(
                new RecordProperties(template, new RecordProperties.Phone("US"), null), REQUESTS, ENCRYPTOR);

        assertThat(formatter.conversationUrl(id)).isEqualTo(
                template.replace("{id}", UriUtils.encodePathSegment(id.strip(), StandardCharsets.UTF_8)));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> templates() {
        return net.jqwik.api.Arbitraries.of("https://chat.example.com/conversations/{id}", "https://x.example/{id}/view",
                "https://x.example/{id}?again={id}", "https://x.example/static", "{id}");
    }
}
