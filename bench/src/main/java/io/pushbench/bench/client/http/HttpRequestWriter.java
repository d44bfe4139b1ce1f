package io.pushbench.bench.client.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.nio.charset.StandardCharsets;

/**
 * Encodes the minimal HTTP/1.1 GET requests the clients send: request line, {@code Host}, and the few optional
 * headers a strategy needs. Nothing else, so the request bytes counted are the bytes a lean client needs.
 */
public final class HttpRequestWriter {
    private HttpRequestWriter() {
    }

    /**
     * A GET request.
     *
     * @param target         path and query
     * @param hostHeader     the {@code Host} value
     * @param namesAndValues optional headers as name, value pairs; pairs with a null or empty value are left out
     */
    public static ByteBuf get(ByteBufAllocator alloc, String target, String hostHeader, String... namesAndValues) {
        StringBuilder sb = new StringBuilder(64 + target.length());
        sb.append("GET ").append(target).append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && !value.isEmpty()) {
                sb.append(namesAndValues[i]).append(": ").append(value).append("\r\n");
            }
        }
        sb.append("\r\n");
        ByteBuf buf = alloc.buffer(sb.length());
        buf.writeCharSequence(sb, StandardCharsets.ISO_8859_1);
        return buf;
    }
}
