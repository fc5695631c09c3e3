package io.github.cognitosso.autoconfigure.servlet.gateway;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A gateway as a user writes it: no code, only {@code cognito.*} and route properties.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class GatewayTestApplication {

}
