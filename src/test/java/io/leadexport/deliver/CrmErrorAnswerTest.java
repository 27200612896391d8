package io.leadexport.deliver;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrmErrorAnswerTest {

    @Test
    void salesforceStyleKeepsCodeAndMessageAndDropsTheFields() {
        String body = "[{\"errorCode\": \"REQUIRED_FIELD_MISSING\", \"message\": \"Required fields are missing: "
                + "[LastName]\", \"fields\": [\"LastName\"]}]";

        assertThat(CrmErrorAnswer.describe(400, "Bad Request", body)).isEqualTo(
                "The CRM answered HTTP 400 Bad Request: REQUIRED_FIELD_MISSING: Required fields are missing: [LastName]");
    }

    @Test
    void hubspotStyleUsesTheCategoryAsTheCode() {
        String body = "{\"status\": \"error\", \"message\": \"Contact already exists. Existing ID: 12345678\", "
                + "\"category\": \"CONFLICT\", \"correlationId\": \"9f0e1c3a-7b7e-4d3a-9a3c-1f2e3d4c5b6a\"}";

        assertThat(CrmErrorAnswer.describe(409, null, body)).isEqualTo(
                "The CRM answered HTTP 409: CONFLICT: Contact already exists. Existing ID: …");
    }

    @Test
    void echoedValuesInTheMessageAreHidden() {
        String body = "{\"error\": \"Lead \\\"Zoë Smith\\\" <zoe@example.org> with phone +44 20 7946 0958 and id "
                + "0b5c6b1e-8d3f-4e55-9b0a-2f4b6c8d9e01 is invalid\"}";

        String described = CrmErrorAnswer.describe(422, "Unprocessable Entity", body);

        assertThat(described).isEqualTo("The CRM answered HTTP 422 Unprocessable Entity: Lead … <…> with phone … "
                + "and id … is invalid");
    }

    @Test
    void aBodyThatIsNotJsonGivesTheStatusOnly() {
        assertThat(CrmErrorAnswer.describe(400, "Bad Request", "<html>Jane Doe, jane@example.com rejected</html>"))
                .isEqualTo("The CRM answered HTTP 400 Bad Request");
        assertThat(CrmErrorAnswer.describe(500, "", null)).isEqualTo("The CRM answered HTTP 500");
    }

    @Test
    void aLongMessageIsShortened() {
        String described = CrmErrorAnswer.describe(400, null, "{\"message\": \"" + "word ".repeat(100) + "\"}");

        assertThat(described.length()).isLessThanOrEqualTo("The CRM answered HTTP 400: ".length()
                + CrmErrorAnswer.MAX_MESSAGE + 1);
        assertThat(described).endsWith("…");
    }

    @Test
    void aSimpleErrorStringIsTheMessage() {
        assertThat(CrmErrorAnswer.describe(422, null, "{\"error\": \"phone number invalid\"}"))
                .isEqualTo("The CRM answered HTTP 422: phone number invalid");
        assertThat(CrmErrorAnswer.describe(401, null, "{\"error\": \"invalid_token\", \"error_description\": "
                + "\"The access token expired\"}")).isEqualTo("The CRM answered HTTP 401: invalid_token: The access token expired");
    }
}
