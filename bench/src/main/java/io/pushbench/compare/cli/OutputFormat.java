package io.pushbench.compare.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How a command prints its result on standard output; given on the command line in lower case. */
public enum OutputFormat {
    /** Aligned columns for a terminal. */
    TERMINAL,
    /** GitHub-flavoured Markdown, to paste into a pull request. */
    MARKDOWN,
    /** The result's JSON, for scripts and the plots module. */
    JSON;

    /** The command-line spelling: {@code terminal}, {@code markdown}, {@code json}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the command-line spelling, in any case. */
    public static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            for (OutputFormat f : values()) {
                if (f.toString().equalsIgnoreCase(value.trim())) {
                    return f;
                }
            }
            throw new TypeConversionException("expected terminal, markdown or json, got '" + value + "'");
        }
    }
}
