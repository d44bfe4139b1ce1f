package io.pushbench.plots;

/**
 * Input the plots cannot be drawn from: a missing file, JSON of another kind or schema version, a chart
 * asked of a report that lacks its data. The message says what is wrong and, where it can, what to do;
 * a command line prints it and exits with 2.
 */
public class PlotInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public PlotInputException(String message) {
        super(message);
    }

    public PlotInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
