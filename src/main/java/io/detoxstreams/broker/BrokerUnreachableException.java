package io.detoxstreams.broker;

/** No Kafka broker answered at the configured bootstrap address in time, or it refused this client. */
public class BrokerUnreachableException extends RuntimeException {

    public BrokerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
