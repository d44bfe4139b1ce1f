package io.pushbench.server.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Hand-made RFC 6455 frames over a {@link RawConnection}: a client's masked frames out, the server's frames in. */
public final class RawWebSocket {

    /** The handshake request for {@code path} (with the RFC's sample key). */
    public static String upgradeRequest(String path, String version) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + (version == null ? "" : "Sec-WebSocket-Version: " + version + "\r\n") + "\r\n";
    }

    /** A masked client frame (FIN set) with this opcode and payload. */
    public static byte[] clientFrame(int opcode, byte[] payload) {
        return clientFrame(0x80 | opcode, payload, true);
    }

    /** A masked client frame whose first byte (FIN, RSV1-3, opcode) is given as is; unmasked when {@code masked} is false. */
    public static byte[] clientFrame(int firstByte, byte[] payload, boolean masked) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(firstByte);
        int maskBit = masked ? 0x80 : 0;
        int n = payload.length;
        if (n < 126) {
            f.write(maskBit | n);
        } else if (n < 65536) {
            f.write(maskBit | 126);
            f.write(n >>> 8);
            f.write(n);
        } else {
            f.write(maskBit | 127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) ((long) n >>> (8 * i)));
            }
        }
        byte[] mask = masked ? new byte[] {1, 2, 3, 4} : new byte[] {0, 0, 0, 0};
        if (masked) {
            f.writeBytes(mask);
        }
        for (int i = 0; i < n; i++) {
            f.write(payload[i] ^ mask[i % 4]);
        }
        return f.toByteArray();
    }

    /** One server frame: opcode and payload (servers do not mask). */
    public record Frame(int opcode, byte[] payload) {
        /** The status code of a close frame; 1005 (RFC 6455 section 7.4.1: no status code present) when it has none. */
        public int closeCode() {
            if (payload.length < 2) {
                return 1005;
            }
            return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }

        /** The reason text of a close frame. */
        public String closeReason() {
            return new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** Reads frames until a close frame, answering nothing; returns the close frame (IOException if the TCP connection ends first). */
    public static Frame readUntilClose(RawConnection c) throws IOException {
        while (true) {
            Frame f = readFrame(c);
            if (f.opcode() == 0x8) {
                return f;
            }
        }
    }

    /** A close frame's payload: the status code and reason. */
    public static byte[] closePayload(int code, String reason) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        byte[] p = new byte[2 + r.length];
        p[0] = (byte) (code >>> 8);
        p[1] = (byte) code;
        System.arraycopy(r, 0, p, 2, r.length);
        return p;
    }

    public static Frame readFrame(RawConnection c) throws IOException {
        byte[] h = c.readExactly(2);
        int opcode = h[0] & 0x0f;
        long length = h[1] & 0x7f;
        if (length == 126) {
            byte[] l = c.readExactly(2);
            length = ((l[0] & 0xff) << 8) | (l[1] & 0xff);
        } else if (length == 127) {
            byte[] l = c.readExactly(8);
            length = 0;
            for (byte b : l) {
                length = (length << 8) | (b & 0xff);
            }
        }
        return new Frame(opcode, c.readExactly((int) length));
    }

    private RawWebSocket() {
    }
}
