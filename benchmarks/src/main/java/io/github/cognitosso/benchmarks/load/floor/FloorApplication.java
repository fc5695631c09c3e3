package io.github.cognitosso.benchmarks.load.floor;

import io.github.cognitosso.benchmarks.load.HelloController;
import io.github.cognitosso.benchmarks.load.UnsecuredFloor;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The unsecured floor: the same API on Spring MVC (Tomcat) with security off entirely (no
 * security auto-configuration, no filter chain, no token read), so the load benchmark
 * shows what the endpoint costs with nothing in front of it.
 */
@SpringBootApplication
@Import(HelloController.class)
public class FloorApplication {

	public static void main(String[] args) {
		UnsecuredFloor.run(FloorApplication.class, WebApplicationType.SERVLET, args);
	}

}
