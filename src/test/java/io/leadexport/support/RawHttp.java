package io.leadexport.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request over a plain socket bound to a loopback address of the caller's choice (127.0.0.7, ...), so
 * that a test can be a client from another address, which Java's HTTP client cannot choose.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * Sends {@code head} (request line and headers, without the blank line that ends them; {@code Host},
     * {@code Connection: close} and the body's {@code Content-Length} are added) and {@code body}.
     *
     * @return the response's status line and headers
     */
    public static String send(InetAddress from, int port, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: localhost\r\nConnection: close\r\n"
                    + (body.length > 0 ? "Content-Length: " + body.length + "\r\n" : "") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder response = new StringBuilder();
            for (int b; (b = in.read()) >= 0 && !response.toString().endsWith("\r\n\r\n"); ) {
                response.append((char) b);
            }
            return response.toString();
        }
    }
}
