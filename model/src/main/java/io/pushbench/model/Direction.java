package io.pushbench.model;

/** Which way bytes went, seen from the client: {@link #UP} is client to server, {@link #DOWN} server to client. */
public enum Direction {
    UP("up"),
    DOWN("down");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    /** The short label used in JSON keys and chart legends. */
    public String label() {
        return label;
    }
}
