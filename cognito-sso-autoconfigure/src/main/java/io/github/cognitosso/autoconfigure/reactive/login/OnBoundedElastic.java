package io.github.cognitosso.autoconfigure.reactive.login;

import java.util.concurrent.Callable;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs the core's blocking calls to Cognito (token endpoint, userInfo, revocation, the
 * key fetch behind an ID-token check) on Reactor's bounded elastic scheduler: they keep
 * their timeouts and their reading of Cognito's errors, and an event-loop thread never
 * waits on the network.
 */
final class OnBoundedElastic {

	private OnBoundedElastic() {
	}

	static <T> Mono<T> call(Callable<T> blocking) {
		return Mono.fromCallable(blocking).subscribeOn(Schedulers.boundedElastic());
	}

	static Mono<Void> run(Runnable blocking) {
		return Mono.<Void>fromRunnable(blocking).subscribeOn(Schedulers.boundedElastic());
	}

}
