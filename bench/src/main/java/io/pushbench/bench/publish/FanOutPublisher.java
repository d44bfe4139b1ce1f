package io.pushbench.bench.publish;

import io.pushbench.bench.workload.PublishTarget;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes every message to several targets (one per server process, none of which shares a log with another) and
 * reports one outcome per message once every target answered: accepted when all accepted, failed when any refused,
 * of unknown fate when none refused but any connection closed before its answer. Each server numbers the topic's
 * messages itself; as every message reaches every server in schedule order, they number them alike.
 *
 * <p>Typical use: {@code new FanOutPublisher(targets, outcome, connections, threadName)} where {@code targets} are the
 * publish URLs of a sharded run's server processes ({@code --also-publish-url}).
 */
public final class FanOutPublisher implements Publisher {

    private final List<Publisher> publishers = new ArrayList<>();
    private final Map<PublishMessage, Pending> pending = new IdentityHashMap<>();
    private final PublishOutcome outcome;

    /** @param targets two or more publish targets, each getting every message */
    public FanOutPublisher(List<PublishTarget> targets, PublishOutcome outcome, int connections, String threadName) {
        this.outcome = outcome;
        for (int i = 0; i < targets.size(); i++) {
            publishers.add(Publishers.create(targets.get(i), collector(), connections, threadName + "-" + i));
        }
    }

    /** One message's answers so far. */
    private static final class Pending {
        int answers;
        int firstStatus = PublishOutcome.NO_STATUS;
        long firstSeq = -1;
        int failedStatus = -1;
        String failure;
        String unknown;
        int unknownStatus;
    }

    private PublishOutcome collector() {
        return new PublishOutcome() {
            @Override
            public void accepted(PublishMessage m, int status, long serverSeq) {
                answer(m, p -> {
                    if (p.answers == 0) {
                        p.firstStatus = status;
                        p.firstSeq = serverSeq;
                    }
                });
            }

            @Override
            public void failed(PublishMessage m, int status, String reason) {
                answer(m, p -> {
                    p.failedStatus = status;
                    p.failure = p.failure == null ? reason : p.failure;
                });
            }

            @Override
            public void fateUnknown(PublishMessage m, int status, String reason) {
                answer(m, p -> {
                    if (p.unknown == null) {
                        p.unknown = reason;
                        p.unknownStatus = status;
                    }
                });
            }

            @Override
            public void reconnected() {
                outcome.reconnected();
            }

            @Override
            public void resent(PublishMessage m) {
                outcome.resent(m);
            }
        };
    }

    private void answer(PublishMessage m, java.util.function.Consumer<Pending> update) {
        Pending done;
        synchronized (pending) {
            Pending p = pending.get(m);
            if (p == null) {
                return;
            }
            update.accept(p);
            if (++p.answers < publishers.size()) {
                return;
            }
            pending.remove(m);
            done = p;
        }
        if (done.failure != null) {
            outcome.failed(m, done.failedStatus, done.failure);
        } else if (done.unknown != null) {
            outcome.fateUnknown(m, done.unknownStatus, done.unknown);
        } else {
            outcome.accepted(m, done.firstStatus, done.firstSeq);
        }
    }

    @Override
    public void start() throws IOException {
        for (Publisher p : publishers) {
            p.start();
        }
    }

    @Override
    public void publish(PublishMessage message) {
        synchronized (pending) {
            pending.put(message, new Pending());
        }
        for (Publisher p : publishers) {
            p.publish(message);
        }
    }

    @Override
    public List<Integer> localPorts() {
        List<Integer> ports = new ArrayList<>();
        publishers.forEach(p -> ports.addAll(p.localPorts()));
        return ports;
    }

    @Override
    public void close() {
        publishers.forEach(Publisher::close);
    }
}
