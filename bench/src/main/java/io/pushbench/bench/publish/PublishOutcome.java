package io.pushbench.bench.publish;

/**
 * What a {@link Publisher} reports about each message (exactly one of {@link #accepted}, {@link #failed},
 * {@link #fateUnknown} per message) and about its connections. Called on the publisher's I/O threads.
 */
public interface PublishOutcome {

    /** No HTTP status: the message went to a broker, which has no status code. */
    int NO_STATUS = 0;

    /**
     * The server or broker took the message.
     *
     * @param status    the HTTP status code (any 2xx), or {@link #NO_STATUS}
     * @param serverSeq the seq the server gave it ({@code X-Pushbench-Seq}), -1 when not told, -2 when unreadable
     */
    void accepted(PublishMessage message, int status, long serverSeq);

    /**
     * The server refused the message or it could not be sent; nothing of it was processed as a success.
     *
     * @param status the HTTP status code of a refusal, or {@link #NO_STATUS}
     */
    void failed(PublishMessage message, int status, String reason);

    /**
     * The message was written but the connection closed before an answer, or the answer says its fate is unknown
     * (504 Gateway Timeout: the server's own upstream, a broker, did not answer): the server may or may not have
     * processed it, so it is neither sent again (that could double it) nor counted as the server's loss.
     *
     * @param status 504, or {@link #NO_STATUS} when the connection closed unanswered
     */
    void fateUnknown(PublishMessage message, int status, String reason);

    /** A publish connection was opened again after the server closed it. */
    void reconnected();

    /** A message was sent again on a new connection: the server closed the old one before it was written. */
    void resent(PublishMessage message);
}
