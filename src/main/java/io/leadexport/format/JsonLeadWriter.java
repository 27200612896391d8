package io.leadexport.format;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * {@code {"export": {generatedAt, generatedBy, filter, fields, nationalId, count}, "leads": [{...}, ...]}},
 * streamed with Jackson's generator. Keys are field keys, missing values are null, dates ISO-8601 with offset.
 */
final class JsonLeadWriter implements LeadWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final JsonGenerator json;
    private final ExportDescription description;
    private final String[] keys;

    JsonLeadWriter(OutputStream stream, ExportDescription description) throws IOException {
        this.description = description;
        this.json = FACTORY.createGenerator(stream, JsonEncoding.UTF8);
        this.json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.keys = description.keys().toArray(String[]::new);
    }

    @Override
    public void begin() throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("export");
        json.writeStringField("generatedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(description.generatedAt()));
        json.writeStringField("generatedBy", description.generatedBy());
        json.writeFieldName("filter");
        writeMap(description.filter());
        json.writeArrayFieldStart("fields");
        for (String key : keys) {
            json.writeString(key);
        }
        json.writeEndArray();
        json.writeStringField("nationalId", description.request().nationalId().key());
        json.writeNumberField("count", description.count());
        if (description.warning() != null) {
            json.writeStringField("warning", description.warning());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("leads");
    }

    @Override
    public void write(List<Object[]> records) throws IOException {
        for (Object[] record : records) {
            json.writeStartObject();
            for (int i = 0; i < record.length; i++) {
                json.writeFieldName(keys[i]);
                Object value = record[i];
                if (value == null) {
                    json.writeNull();
                } else if (value instanceof OffsetDateTime time) {
                    json.writeString(DateTexts.iso(time));
                } else {
                    json.writeString(value.toString());
                }
            }
            json.writeEndObject();
        }
    }

    @Override
    public void finish() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }

    private void writeMap(Map<String, Object> map) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            json.writeFieldName(entry.getKey());
            if (entry.getValue() instanceof List<?> list) {
                json.writeStartArray();
                for (Object item : list) {
                    json.writeString(String.valueOf(item));
                }
                json.writeEndArray();
            } else {
                json.writeString(String.valueOf(entry.getValue()));
            }
        }
        json.writeEndObject();
    }
}
