package io.detoxstreams.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The first thing every command that talks to Kafka does: ask the cluster to describe itself, and fail within
 * {@code startup.timeout.ms} with a message naming the bootstrap address when nobody answers — instead of Kafka
 * clients retrying forever (a consumer) or reporting success for records never sent (a producer).
 *
 * <pre>{@code
 * BrokerCheck.await(config.kafkaProperties(), "broker:9092", Duration.ofSeconds(30));
 * }</pre>
 */
public final class BrokerCheck {

    private BrokerCheck() {
    }

    /**
     * @param clientProperties the {@code kafka.*} client settings (security, …), passed through
     * @return the number of brokers that answered
     * @throws BrokerUnreachableException when no broker answered within {@code timeout}, or one refused this client
     */
    public static int await(Map<String, Object> clientProperties, String bootstrapServers, Duration timeout) {
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        Admin admin;
        try {
            admin = Admin.create(p);
        } catch (RuntimeException e) {
            throw new BrokerUnreachableException("cannot create a Kafka client for " + bootstrapServers + ": "
                    + e.getMessage() + " (check bootstrap.servers and the kafka.* settings)", e);
        }
        try {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis)).nodes()
                    .get(millis + 1_000L, TimeUnit.MILLISECONDS).size();
        } catch (ExecutionException e) {
            throw failure(bootstrapServers, timeout, e.getCause());
        } catch (TimeoutException e) {
            throw failure(bootstrapServers, timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnreachableException("interrupted while waiting for Kafka at " + bootstrapServers, e);
        } finally {
            admin.close(Duration.ofSeconds(1));
        }
    }

    private static BrokerUnreachableException failure(String bootstrap, Duration timeout, Throwable cause) {
        if (cause instanceof AuthenticationException) {
            return new BrokerUnreachableException("Kafka at " + bootstrap + " refused this client: " + cause.getMessage()
                    + " (check kafka.security.protocol, kafka.sasl.* and kafka.ssl.*)", cause);
        }
        if (cause instanceof AuthorizationException) {
            return new BrokerUnreachableException("Kafka at " + bootstrap + " denied describing the cluster: "
                    + cause.getMessage() + " (see the ACLs in the README, Operations)", cause);
        }
        return new BrokerUnreachableException("no Kafka broker answered at " + bootstrap + " within "
                + timeout.toMillis() + " ms (bootstrap.servers=" + bootstrap + ", startup.timeout.ms="
                + timeout.toMillis() + "): check the address, that the broker is up, and its listeners", cause);
    }
}
