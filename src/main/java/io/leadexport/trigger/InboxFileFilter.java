package io.leadexport.trigger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonProcessingException;

import io.leadexport.request.RequestProperties;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.springframework.stereotype.Component;

/**
 * Lets the inbox take a file only once it is complete. The {@code changed} read lock sees a file that stopped growing;
 * a writer that pauses longer than its check interval would be caught mid-file, so a JSON document that is still
 * truncated is also left alone, until it is complete or has not changed for {@link #GIVE_UP_AFTER} (then it is taken
 * and reported as broken). Files larger than a request may be are taken at once, to be refused.
 */
@Component("inboxFileFilter")
public class InboxFileFilter implements GenericFileFilter<Object> {

    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(30);
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final int maxBytes;

    public InboxFileFilter(RequestProperties properties) {
        this.maxBytes = properties.maxRequestBytes();
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.isDirectory()) {
            return false;
        }
        Path path = Path.of(file.getAbsoluteFilePath());
        try {
            if (Files.isSymbolicLink(path) || Files.size(path) > maxBytes) {
                return true;
            }
            boolean idle = Files.getLastModifiedTime(path).toInstant().isBefore(Instant.now().minus(GIVE_UP_AFTER));
            return idle || !truncated(path);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the file ends in the middle of a JSON document (more is probably coming). */
    static boolean truncated(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path); JsonParser parser = JSON.createParser(in)) {
            int depth = 0;
            boolean started = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                started = true;
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
                if (depth == 0) {
                    return false;
                }
            }
            return !started || depth > 0;
        } catch (JsonProcessingException e) {
            // Jackson reports a document cut off inside an object or array as "Unexpected end-of-input".
            return e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).contains("end-of-input");
        }
    }
}
