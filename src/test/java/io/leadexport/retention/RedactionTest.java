package io.leadexport.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void replacesEveryOccurrenceWhateverItsCase() {
        Redaction redaction = new Redaction("Zoë Smith");

        assertThat(redaction.redact("CRM: ZOË SMITH and zoë smith rejected")).isEqualTo(
                "CRM: [erased] and [erased] rejected");
        assertThat(redaction.holds("nothing here")).isFalse();
        assertThat(redaction.redact((String) null)).isNull();
    }

    @Test
    void treatsTheValueAsTextNotAsAPattern() {
        Redaction redaction = new Redaction("a.b$1");

        assertThat(redaction.redact("axb a.b$1")).isEqualTo("axb [erased]");
    }

    @Test
    void redactsStringsAtAnyDepthOfAJsonDocumentAndNothingElse() throws Exception {
        JsonNode document = new ObjectMapper().readTree(
                "{\"filter\": {\"search\": \"jane@example.com\", \"status\": [\"new\"]}, \"rows\": 3,"
                        + " \"names\": [\"x\", \"Jane@Example.com\"]}");

        boolean changed = new Redaction("jane@example.com").redact(document);

        assertThat(changed).isTrue();
        assertThat(document.toString()).isEqualTo("{\"filter\":{\"search\":\"[erased]\",\"status\":[\"new\"]},"
                + "\"rows\":3,\"names\":[\"x\",\"[erased]\"]}");
        assertThat(new Redaction("nobody").redact(document)).isFalse();
    }
}
