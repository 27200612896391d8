package io.leadexport.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.leadexport.request.RequestProperties;
import io.leadexport.security.ProblemWriter;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What an API request body may be, checked before anything reads it: a body of a state-changing request must be JSON
 * ({@code 415} otherwise; a web page can send {@code text/plain} or a form to another site without asking first), and
 * at most {@code lead-export.export.max-request-bytes} long ({@code 413}). A declared length over the limit is refused
 * at once; a body of unknown length (chunked) is cut off while it is read, as soon as it passes the limit, so an
 * oversized body never sits in memory whatever the transfer encoding.
 */
public class RequestBodyGuard extends OncePerRequestFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final ProblemWriter problems;
    private final long maxBytes;

    public RequestBodyGuard(ProblemWriter problems, RequestProperties properties) {
        this.problems = problems;
        this.maxBytes = properties.maxRequestBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiRequests.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (WITH_BODY.contains(request.getMethod()) && hasBody(request) && !isJson(request.getContentType())) {
            problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    "The request body must be application/json, not "
                            + (request.getContentType() == null ? "untyped" : "'" + request.getContentType() + "'")
                            + ".");
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(response);
            return;
        }
        try {
            chain.doFilter(new LimitedBodyRequest(request, maxBytes), response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (RequestTooLargeException.causes(e)) {
                tooLarge(response);
                return;
            }
            throw e;
        }
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", RequestTooLargeException.detail(maxBytes));
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** {@code application/json} or a {@code +json} type, with any parameters (charset). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /** The request with a body that ends in {@link RequestTooLargeException} once more than the limit is read. */
    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream limited;
        private BufferedReader reader;

        LimitedBodyRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), maxBytes);
            }
            return limited;
        }

        /**
         * The body as text, always UTF-8 (the only encoding of JSON, RFC 8259), decoded strictly: bytes that are not
         * UTF-8 end in a {@link java.nio.charset.CharacterCodingException} rather than turning into replacement
         * characters.
         */
        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                reader = new FailureKeepingReader(new InputStreamReader(getInputStream(),
                        StandardCharsets.UTF_8.newDecoder()));
            }
            return reader;
        }
    }

    /**
     * A reader that, once reading failed, fails the same way on every later read, closed or not. platform-http reads
     * a body eagerly and, when that fails, leaves the closed reader as the body: the route reading it again then learns
     * why (too large, not UTF-8) instead of "stream closed".
     */
    private static final class FailureKeepingReader extends BufferedReader {

        private IOException failure;

        FailureKeepingReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            rethrow();
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            rethrow();
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public String readLine() throws IOException {
            rethrow();
            try {
                return super.readLine();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        private void rethrow() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        LimitedInputStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, (int) Math.min(length, maxBytes - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new RequestTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
