package io.pushbench.server;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses durations written as a number and a unit: {@code 300ms}, {@code 30s}, {@code 5m}, {@code 1h}; {@code 0} alone = zero. */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    /**
     * Parses {@code <number><unit>} with unit {@code ms}, {@code s}, {@code m} or {@code h}, or {@code 0}.
     *
     * @throws TypeConversionException (an IllegalArgumentException for picocli) saying the format expected
     */
    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = FORMAT.matcher(t);
        if (!m.matches()) {
            throw new TypeConversionException("'" + text + "' is not a duration: write a number and a unit, e.g. 300ms, 30s, 5m, 1h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
