package dev.concierge.api.embedded;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Gives the embedded servers back once per application run: when its context closes, or when its
 * start fails.
 */
public class EmbeddedServersRelease implements SpringApplicationRunListener {

    private final AtomicBoolean released = new AtomicBoolean();
    private ConfigurableEnvironment environment;

    public EmbeddedServersRelease(SpringApplication application, String[] args) {}

    @Override
    public void environmentPrepared(
            ConfigurableBootstrapContext bootstrapContext, ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void contextPrepared(ConfigurableApplicationContext context) {
        // A disposable bean registered before any other is destroyed after all others: the servers
        // stop only once graceful shutdown has ended and the pools have closed.
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean("conciergeEmbeddedServersRelease", this::releaseOnce);
        }
    }

    @Override
    public void failed(ConfigurableApplicationContext context, Throwable exception) {
        releaseOnce();
    }

    private void releaseOnce() {
        if (environment == null || released.getAndSet(true)) {
            return;
        }
        String directory = environment.getProperty(EmbeddedServersEnvironment.ACTIVE_DATA_DIRECTORY);
        if (directory != null) {
            EmbeddedServers servers = EmbeddedServers.running(Path.of(directory));
            if (servers != null) {
                servers.release();
            }
        }
    }
}
