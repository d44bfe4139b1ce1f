package io.pushbench.server.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parses a poll batch body, {@code <seq> SP <length> LF <payload> LF}*, as a client would: by the lengths. */
final class BatchBodyParser {

    private BatchBodyParser() {
    }

    static List<Received> parse(byte[] body) {
        List<Received> out = new ArrayList<>();
        int i = 0;
        while (i < body.length) {
            int lineEnd = indexOf(body, (byte) '\n', i);
            String[] header = new String(body, i, lineEnd - i, StandardCharsets.US_ASCII).split(" ");
            if (header.length != 2) {
                throw new AssertionError("bad record header at byte " + i + ": " + Arrays.toString(header));
            }
            long seq = Long.parseLong(header[0]);
            int length = Integer.parseInt(header[1]);
            int start = lineEnd + 1;
            out.add(Received.message(seq, Arrays.copyOfRange(body, start, start + length)));
            if (body[start + length] != '\n') {
                throw new AssertionError("record " + seq + " does not end with LF");
            }
            i = start + length + 1;
        }
        return out;
    }

    private static int indexOf(byte[] b, byte value, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        throw new AssertionError("no LF after byte " + from);
    }
}
