package io.pushbench.bench.publish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes to several server instances in turn ({@code --publish-to all}): message {@code k} of a topic goes to
 * instance {@code k % N}. Each instance numbers nothing itself (the broker does), so a topic's order holds as long as
 * its messages are further apart than one publish round trip; at saturation use {@code --publish-to one}.
 */
final class RoundRobinPublisher implements Publisher {

    private final List<Publisher> publishers;

    RoundRobinPublisher(List<Publisher> publishers) {
        this.publishers = List.copyOf(publishers);
    }

    @Override
    public void start() throws IOException {
        for (Publisher p : publishers) {
            p.start();
        }
    }

    @Override
    public void publish(PublishMessage message) {
        publishers.get((int) (message.expectedSeq() % publishers.size())).publish(message);
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
