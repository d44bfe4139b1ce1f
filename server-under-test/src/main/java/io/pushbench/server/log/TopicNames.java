package io.pushbench.server.log;

import java.util.regex.Pattern;

/** The rule for topic names ({@code [A-Za-z0-9._~-]{1,128}}, see docs/wire-format.md). */
public final class TopicNames {

    /** The longest topic name accepted, in characters. */
    public static final int MAX_LENGTH = 128;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._~-]{1," + MAX_LENGTH + "}");

    private TopicNames() {
    }

    /** Whether {@code name} is a valid topic name. */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /**
     * Returns {@code name} when valid.
     *
     * @throws IllegalArgumentException saying what a topic name may contain
     */
    public static String requireValid(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("invalid topic name '" + name + "': expected 1 to " + MAX_LENGTH
                    + " characters of A-Z a-z 0-9 . _ ~ -");
        }
        return name;
    }
}
