package io.pushbench.bench.clock;

/**
 * How the server's clock is read ({@code --clock-probe}). A foreign server has no {@code GET /clock}: asking it
 * anyway writes a 404 into its log on every exchange, so external targets default to {@link #DATE}.
 */
public enum ClockProbe {
    /** {@code GET /clock}, pushbench's endpoint (µs); its answer's {@code Date} header when there is no clock. */
    ENDPOINT("endpoint"),
    /**
     * {@code HEAD} of the publish URL (the topic of the run's warm-up): a location every target serves, and a
     * method that publishes nothing; its answer's {@code Date} header (whole seconds). Publishing through a broker,
     * {@code HEAD} of the clients' URL instead.
     */
    DATE("date"),
    /** No exchange: the report says the offset was not estimated. */
    OFF("off");

    private final String label;

    ClockProbe(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The probe of a label, or an {@link IllegalArgumentException} naming the choices. */
    public static ClockProbe fromLabel(String label) {
        for (ClockProbe p : values()) {
            if (p.label.equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("invalid --clock-probe '" + label + "': expected endpoint, date or off");
    }

    /** The default: the endpoint for pushbench's own servers, the Date header for external ones. */
    public static ClockProbe defaultFor(String serverMode) {
        return "external".equals(serverMode) ? DATE : ENDPOINT;
    }
}
