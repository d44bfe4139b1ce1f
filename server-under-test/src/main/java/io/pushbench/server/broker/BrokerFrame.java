package io.pushbench.server.broker;

import java.util.Arrays;

/**
 * A message as the brokers carry it when they carry one string: {@code "<seq> <acceptedEpochMicros> <payload>"},
 * decimal ASCII numbers, the payload's bytes as published.
 *
 * @param seq                 the topic's seq, at least 1
 * @param acceptedEpochMicros when the publishing instance accepted it
 * @param payload             the payload
 */
record BrokerFrame(long seq, long acceptedEpochMicros, byte[] payload) {

    /** The frame in these bytes, or null when they are not one. */
    static BrokerFrame parse(byte[] bytes) {
        int firstSpace = indexOf(bytes, 0);
        int secondSpace = firstSpace < 0 ? -1 : indexOf(bytes, firstSpace + 1);
        if (secondSpace < 0) {
            return null;
        }
        long seq = decimal(bytes, 0, firstSpace);
        long micros = decimal(bytes, firstSpace + 1, secondSpace);
        if (seq < 1 || micros < 0) {
            return null;
        }
        return new BrokerFrame(seq, micros, Arrays.copyOfRange(bytes, secondSpace + 1, bytes.length));
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == ' ') {
                return i;
            }
        }
        return -1;
    }

    /** The decimal number in bytes[from, to), or -1 when it is not one (empty, too long, not digits). */
    private static long decimal(byte[] bytes, int from, int to) {
        if (to <= from || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
