package io.github.cognitosso.sample.reactive;

/**
 * WebSessions in Redis with Spring Session's default JDK serialization.
 */
class ReactiveSessionsInRedisWithJdkSerializationTests extends ReactiveSessionsInRedisTestSupport {

}
