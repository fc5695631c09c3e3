package io.github.cognitosso.benchmarks.load.reactive.floor;

import io.github.cognitosso.benchmarks.load.UnsecuredFloor;
import io.github.cognitosso.benchmarks.load.reactive.ReactiveHelloController;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The reactive unsecured floor: the same API on WebFlux (Reactor Netty) with security off
 * entirely (no security auto-configuration, no {@code SecurityWebFilterChain}, no token
 * read).
 */
@SpringBootApplication
@Import(ReactiveHelloController.class)
public class ReactiveFloorApplication {

	public static void main(String[] args) {
		UnsecuredFloor.run(ReactiveFloorApplication.class, WebApplicationType.REACTIVE, args);
	}

}
