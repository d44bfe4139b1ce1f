package io.pushbench.report;

import java.io.IOException;

/** A file that is not a pushbench report of a schema version this code reads; the message says what is wrong. */
public class ReportFormatException extends IOException {

    public ReportFormatException(String message) {
        super(message);
    }

    public ReportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
