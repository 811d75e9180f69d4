package dev.concierge.api.redis;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * A lifecycle bean that owns one {@link RedisChannel}: it listens from start-up until shutdown, and
 * stops after the web server has drained (it stops first) and before Redis's connection factory.
 */
public abstract class RedisListener implements SmartLifecycle {

    /** The channel this bean publishes to and listens on. */
    protected final RedisChannel channel;

    protected RedisListener(String channelName, ReactiveRedisConnectionFactory connections) {
        this.channel = new RedisChannel(channelName, connections);
    }

    /** One message's payload, as published; malformed payloads are the subclass's to reject. */
    protected abstract void receive(String payload);

    @Override
    public void start() {
        channel.listen(this::receive);
    }

    @Override
    public void stop() {
        channel.close();
    }

    @Override
    public boolean isRunning() {
        return channel.listening();
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
