package io.pushbench.bench.client;

/** How a polling response body carries messages. */
public enum PollBodyFormat {
    /** The pushbench batch, {@code <seq> SP <length> LF <payload> LF} per record (docs/wire-format.md). */
    PUSHBENCH_BATCH,
    /** The whole body is one payload; an empty body is an empty response. */
    SINGLE,
    /** Each LF-terminated line is one payload (newline-delimited messages); the LF is framing. */
    LINES
}
