package io.leadexport.deliver;

import io.leadexport.export.ExchangeKeys;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.leadexport.export.ExportCancelledException;
import io.leadexport.export.ExportResult;
import io.leadexport.export.ExportRun;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Delivery to a CRM's HTTP API: the leads of the finished JSON export, read back lazily and cut into batches of
 * {@code batch-size}, each POSTed with {@code Authorization: Bearer} and an {@code Idempotency-Key}. Only one batch
 * is in memory at a time.
 */
@Component("crmDelivery")
public class CrmDelivery {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Destinations destinations;

    public CrmDelivery(Destinations destinations) {
        this.destinations = destinations;
    }

    /** The batches of an export, lazily; the iterator closes the file when done (the split closes it too). */
    public Iterator<CrmBatch> batches(ExportResult result, @ExchangeProperty(ExchangeKeys.RUN) ExportRun run,
                                      Exchange exchange) throws IOException {
        DestinationProperties crm = destinations.get(run.request().destination());
        // Shared by reference with the split's copies of the exchange, so each accepted batch is counted here.
        exchange.setProperty(ExchangeKeys.CRM_BATCHES_SENT, new AtomicInteger());
        return new Batches(result.file(), run.id(), crm.batchSize());
    }

    /** Sets one batch up as the HTTP request, with nothing of the exchange's own headers leaking to the CRM. */
    public byte[] request(CrmBatch batch, @ExchangeProperty(ExchangeKeys.RUN) ExportRun run, Exchange exchange) {
        if (run.isCancelled()) {
            throw new ExportCancelledException(run.id());
        }
        DestinationProperties crm = destinations.get(run.request().destination());
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Idempotency-Key", batch.idempotencyKey());
        if (crm.bearerToken() != null) {
            message.setHeader("Authorization", "Bearer " + crm.bearerToken());
        }
        exchange.setProperty(ExchangeKeys.CRM_URL, crm.url().toString());
        exchange.getProperty(ExchangeKeys.CRM_BATCHES_SENT, AtomicInteger.class).incrementAndGet();
        return batch.json();
    }

    /** Records where the leads went, for the job record: the URL without any credentials or query. */
    public void delivered(@ExchangeProperty(ExchangeKeys.RUN) ExportRun run,
                          @ExchangeProperty(ExchangeKeys.CRM_BATCHES_SENT) AtomicInteger batches) {
        var url = destinations.get(run.request().destination()).url();
        run.delivered("POST " + url.getScheme() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "")
                + url.getPath() + " (" + (batches == null ? 0 : batches.get()) + " batches)");
    }

    /** Reads the {@code leads} array of an export file and writes batches of it, copying tokens without a tree. */
    static final class Batches implements Iterator<CrmBatch>, Closeable {

        private final JsonParser parser;
        private final String jobId;
        private final int size;
        private CrmBatch next;
        private int number;
        private boolean done;

        Batches(Path file, String jobId, int size) throws IOException {
            this.parser = JSON.createParser(file.toFile());
            this.jobId = jobId;
            this.size = size;
            seekLeads();
        }

        private void seekLeads() throws IOException {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "leads".equals(parser.currentName())
                        && parser.getParsingContext().getParent().inRoot()) {
                    if (parser.nextToken() != JsonToken.START_ARRAY) {
                        throw new IOException("the export's leads are not an array");
                    }
                    return;
                }
            }
            throw new IOException("the export file has no leads array");
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = read();
            }
            return next != null;
        }

        @Override
        public CrmBatch next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            CrmBatch batch = next;
            next = null;
            return batch;
        }

        private CrmBatch read() {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                int leads = 0;
                int batch = ++number;
                try (JsonGenerator json = JSON.createGenerator(out)) {
                    json.writeStartObject();
                    json.writeStringField("jobId", jobId);
                    json.writeNumberField("batch", batch);
                    json.writeArrayFieldStart("leads");
                    while (leads < size && parser.nextToken() == JsonToken.START_OBJECT) {
                        json.copyCurrentStructure(parser);
                        leads++;
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                if (leads < size) {
                    done = true;
                    close();
                }
                return leads == 0 ? null : new CrmBatch(batch, jobId + "-" + batch, leads, out.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
