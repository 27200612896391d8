package io.leadexport.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * {@code {"export": {generatedAt, generatedBy, filter, fields, nationalId, count}, "leads": [{...}, ...]}},
 * streamed with Jackson's generator; the leads are rendered ahead in chunks, each by a generator of its own. Keys are field keys, missing values are null, dates ISO-8601 with offset.
 */
final class JsonLeadWriter implements LeadWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final JsonGenerator json;
    private final OutputStream stream;
    private final ExportDescription description;
    private final String[] keys;
    private long leads;

    JsonLeadWriter(OutputStream stream, ExportDescription description) throws IOException {
        this.description = description;
        this.stream = stream;
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
        json.flush(); // the leads go to the stream as bytes, rendered ahead
    }

    @Override
    public void write(List<Object[]> records) throws IOException {
        write(render(records, leads + 1));
    }

    /**
     * The records as the elements of the {@code leads} array, without the commas around them: a generator of its
     * own writes them as an array, whose brackets are left out.
     */
    @Override
    public RenderedChunk render(List<Object[]> records, long firstLead) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(records.size() * 512 + 2);
        try (JsonGenerator chunk = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            chunk.writeStartArray();
            for (Object[] record : records) {
                writeRecord(chunk, record);
            }
            chunk.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException("a JSON generator on a byte array does not fail", e);
        }
        byte[] array = bytes.toByteArray();
        return new RenderedChunk(Arrays.copyOfRange(array, 1, array.length - 1), records.size());
    }

    @Override
    public void write(RenderedChunk chunk) throws IOException {
        if (chunk.records() == 0) {
            return;
        }
        if (leads > 0) {
            stream.write(',');
        }
        stream.write(chunk.bytes());
        leads += chunk.records();
    }

    private void writeRecord(JsonGenerator out, Object[] record) throws IOException {
        out.writeStartObject();
        for (int i = 0; i < record.length; i++) {
            out.writeFieldName(keys[i]);
            Object value = record[i];
            if (value == null) {
                out.writeNull();
            } else if (value instanceof OffsetDateTime time) {
                out.writeString(DateTexts.iso(time));
            } else {
                out.writeString(value.toString());
            }
        }
        out.writeEndObject();
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
