package io.pushbench.server.broker;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}), sent whole again ({@code EVAL}) when Redis no longer knows it
 * (after a restart). One round trip per publish: the seq's {@code INCR} and the {@code PUBLISH}/{@code XADD} are
 * atomic, so seqs reach every instance in the order they were assigned.
 */
final class RedisScript {

    /**
     * The seq of the topic: {@code INCR} of its counter, raised to above the publishing instance's head when the
     * counter is behind it (Redis restarted without its data), so a topic's seqs never go back.
     * KEYS[1] = the counter; ARGV[1] = the instance's head.
     */
    static final String NEXT_SEQ = "local s = redis.call('INCR', KEYS[1])\n"
            + "local floor = tonumber(ARGV[1])\n"
            + "if s <= floor then s = floor + 1; redis.call('SET', KEYS[1], s) end\n";

    private final String text;
    private final String sha;
    private final RedisAsyncCommands<byte[], byte[]> commands;

    RedisScript(String text, RedisAsyncCommands<byte[], byte[]> commands) throws Exception {
        this.text = text;
        this.commands = commands;
        this.sha = commands.scriptLoad(text).get();
    }

    /** Runs the script; completes with its integer result. */
    CompletionStage<Long> run(byte[][] keys, byte[]... args) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        commands.<Long>evalsha(sha, ScriptOutputType.INTEGER, keys, args).whenComplete((seq, error) -> {
            if (error instanceof RedisNoScriptException) {
                commands.<Long>eval(text, ScriptOutputType.INTEGER, keys, args).whenComplete((again, e2) -> {
                    if (e2 != null) {
                        result.completeExceptionally(e2);
                    } else {
                        result.complete(again);
                    }
                });
            } else if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(seq);
            }
        });
        return result;
    }
}
