package io.pushbench.server.broker;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A publish as one Lua script, run by its SHA-1 ({@code EVALSHA}, sent whole again with {@code EVAL} when Redis no
 * longer knows it, after a restart), exactly once. One round trip: the seq's {@code INCR} and the
 * {@code PUBLISH}/{@code XADD} are atomic, so seqs reach every instance in the order they were assigned.
 *
 * <p>Exactly once, because a connection cut while a publish awaits its answer leaves its fate unknown: Redis may have
 * run it and written its AOF before it crashed. Each publish carries a number of this instance's own, and the script
 * records which seq the number got in a ring of {@value #RING_SLOTS} slots (a hash, {@code <namespace>:published:<this
 * instance>}, expiring {@value #RING_TTL_MILLIS} ms after its last publish); a publish cut that way is sent again, with
 * the same number, once the connection is back, and gets the seq it got the first time if it ran. Only when the
 * connection stays away past the command timeout is the fate left unknown ({@link BrokerPublishException.Failure#FATE_UNKNOWN}).
 * The ring is right while fewer than {@value #RING_SLOTS} publishes of the instance await Redis, which is enforced.
 */
final class RedisPublishScript {

    /** Slots of the ring of publishes run: more than the publishes that may await Redis at once. */
    static final int RING_SLOTS = 4_096;
    /** How long a ring outlives its instance's last publish, ms: past any resend (the command timeout, 10 s). */
    static final long RING_TTL_MILLIS = 60_000;
    /** How often a publish cut by a lost connection looks whether the connection is back, ms. */
    private static final long RECONNECTED_POLL_MILLIS = 10;

    /**
     * Returns the seq a publish of this number got when it ran already; else the topic's next seq, {@code s}: the
     * {@code INCR} of its counter, raised to above the publishing instance's head when the counter is behind it (Redis
     * restarted without its data), so a topic's seqs never go back. KEYS[1] = the counter, KEYS[#KEYS] = the ring;
     * ARGV[1] = the instance's head, ARGV[#ARGV] = the publish's number.
     */
    private static final String RAN_ALREADY_OR_NEXT_SEQ = """
            local ring, number = KEYS[#KEYS], ARGV[#ARGV]
            local slot = tostring(tonumber(number) %% %d)
            local ran = redis.call('HGET', ring, slot)
            if ran then
              local ranNumber, ranSeq = string.match(ran, '^(%%d+) (%%d+)$')
              if ranNumber == number then return tonumber(ranSeq) end
            end
            local s = redis.call('INCR', KEYS[1])
            local floor = tonumber(ARGV[1])
            if s <= floor then s = floor + 1; redis.call('SET', KEYS[1], s) end
            """.formatted(RING_SLOTS);

    private static final String RECORD_AND_RETURN_SEQ = """
            redis.call('HSET', ring, slot, number .. ' ' .. s)
            redis.call('PEXPIRE', ring, %d)
            return s
            """.formatted(RING_TTL_MILLIS);

    private final String text;
    private final String sha;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final byte[] ringKey;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong lastNumber = new AtomicLong();
    private final AtomicInteger awaiting = new AtomicInteger();

    /**
     * Loads the script.
     *
     * @param action the Lua that sends the message numbered {@code s} (the local the script gives it)
     */
    RedisPublishScript(String action, RedisSetup redis, StatefulRedisConnection<byte[], byte[]> connection)
            throws Exception {
        this.text = text(action);
        this.connection = connection;
        this.ringKey = redis.key("published", instanceName());
        this.scheduler = redis.scheduler();
        this.sha = connection.async().scriptLoad(text).get();
    }

    /** The whole script around an action. */
    static String text(String action) {
        return RAN_ALREADY_OR_NEXT_SEQ + action + RECORD_AND_RETURN_SEQ;
    }

    /**
     * Prints the script a Redis broker loads, {@code pubsub} or {@code streams}: bench/scripts/broker-seq-cost.sh
     * measures what the server runs, not a copy of it.
     */
    public static void main(String[] args) {
        String broker = args.length == 1 ? args[0] : "";
        switch (broker) {
            case "pubsub" -> System.out.print(text(RedisPubSubBroker.PUBLISH_ACTION));
            case "streams" -> System.out.print(text(RedisStreamsBroker.PUBLISH_ACTION));
            default -> {
                System.err.println("usage: RedisPublishScript pubsub|streams (the publish script that broker loads)");
                System.exit(2);
            }
        }
    }

    private static String instanceName() {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /**
     * Runs the script once; completes with the message's seq.
     *
     * @param keys the keys the action uses, the topic's counter first
     * @param args the action's arguments, the instance's head first
     */
    CompletionStage<Long> run(byte[][] keys, byte[]... args) {
        if (awaiting.incrementAndGet() > RING_SLOTS) {
            awaiting.decrementAndGet();
            return CompletableFuture.failedFuture(new BrokerPublishException(RING_SLOTS
                    + " publishes of this instance await Redis already", BrokerPublishException.Failure.BROKER_UNAVAILABLE,
                    null));
        }
        byte[][] allKeys = Arrays.copyOf(keys, keys.length + 1);
        allKeys[keys.length] = ringKey;
        byte[][] allArgs = Arrays.copyOf(args, args.length + 1);
        allArgs[args.length] = Long.toString(lastNumber.incrementAndGet()).getBytes(StandardCharsets.US_ASCII);
        CompletableFuture<Long> result = new CompletableFuture<>();
        result.whenComplete((seq, e) -> awaiting.decrementAndGet());
        if (!connection.isOpen()) {
            // never sent: a plain refusal, at once (publishes are not queued while Redis is away)
            result.completeExceptionally(new IllegalStateException("not connected"));
        } else {
            send(allKeys, allArgs, result, System.nanoTime() + Brokers.PUBLISH_TIMEOUT.toNanos());
        }
        return result;
    }

    private void send(byte[][] keys, byte[][] args, CompletableFuture<Long> result, long resendDeadlineNanos) {
        connection.async().<Long>evalsha(sha, ScriptOutputType.INTEGER, keys, args).whenComplete((seq, error) -> {
            if (error instanceof RedisNoScriptException) {
                connection.async().<Long>eval(text, ScriptOutputType.INTEGER, keys, args).whenComplete((again, e2) ->
                        settle(again, e2, keys, args, result, resendDeadlineNanos));
            } else {
                settle(seq, error, keys, args, result, resendDeadlineNanos);
            }
        });
    }

    private void settle(Long seq, Throwable error, byte[][] keys, byte[][] args, CompletableFuture<Long> result,
            long resendDeadlineNanos) {
        if (error == null) {
            result.complete(seq);
        } else if (error instanceof RedisCommandExecutionException) {
            result.completeExceptionally(error);        // Redis answered: the script did not run
        } else if (error instanceof RedisCommandTimeoutException) {
            result.completeExceptionally(BrokerPublishException.fateUnknown("Redis did not answer within "
                    + RedisSetup.COMMAND_TIMEOUT.toSeconds() + " s", error));
        } else {
            resendWhenConnected(keys, args, result, resendDeadlineNanos, error);
        }
    }

    /** The connection was lost while the publish awaited its answer: sends it again once the connection is back. */
    private void resendWhenConnected(byte[][] keys, byte[][] args, CompletableFuture<Long> result,
            long resendDeadlineNanos, Throwable cause) {
        if (System.nanoTime() - resendDeadlineNanos > 0) {
            result.completeExceptionally(BrokerPublishException.fateUnknown("the connection to Redis was lost while the "
                    + "publish awaited its answer and did not come back within " + Brokers.PUBLISH_TIMEOUT.toSeconds()
                    + " s", cause));
        } else if (connection.isOpen()) {
            send(keys, args, result, resendDeadlineNanos);
        } else {
            scheduler.schedule(() -> resendWhenConnected(keys, args, result, resendDeadlineNanos, cause),
                    RECONNECTED_POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }
}
