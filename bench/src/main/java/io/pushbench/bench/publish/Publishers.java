package io.pushbench.bench.publish;

import io.pushbench.bench.workload.PublishTarget;

import java.util.ArrayList;
import java.util.List;

/** Creates the {@link Publisher} of a target's kind. */
public final class Publishers {

    private Publishers() {
    }

    /**
     * @param connections keep-alive connections (HTTP; topics are spread over them), &ge; 1
     * @param threadName  name of the publisher's I/O thread(s) (the CPU meter finds them by name prefix)
     */
    public static Publisher create(PublishTarget target, PublishOutcome outcome, int connections, String threadName) {
        if (!target.instances().isEmpty()) {
            List<Publisher> each = new ArrayList<>();
            for (int i = 0; i < target.instances().size(); i++) {
                each.add(create(target.instances().get(i), outcome, connections, threadName + "-" + i));
            }
            return new RoundRobinPublisher(each);
        }
        return switch (target.kind()) {
            case HTTP -> new HttpPublisher(target, outcome, connections, threadName);
            case REDIS -> new RedisPublisher(target, outcome, threadName);
            case POSTGRES -> new PostgresPublisher(target, outcome, threadName);
        };
    }
}
