package io.github.cognitosso.autoconfigure.servlet.web;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.DefaultHttpFirewall;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter's firewall: Spring Security's strict one with the faster header checks,
 * unless the application has its own.
 */
class CognitoHttpFirewallTests {

	private final WebApplicationContextRunner runner = ApiContextRunner.create();

	@Test
	void aBearerTokenPassesAndAControlCharacterInAHeaderIsStillRejected() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(HttpFirewall.class).hasBean("cognitoHttpFirewall");
			HttpFirewall firewall = context.getBean(HttpFirewall.class);
			String bearer = "Bearer " + "eyJhbGciOiJSUzI1NiJ9".repeat(50) + ".e30.c2ln";

			assertThat(firewalled(firewall, "Authorization", bearer).getHeader("Authorization")).isEqualTo(bearer);
			assertThat(firewalled(firewall, "X-Name", "caf\u00E9\tau lait").getHeader("X-Name"))
				.isEqualTo("caf\u00E9\tau lait");
			HttpServletRequest forged = firewalled(firewall, "Authorization", "Bearer abc\u0001def");
			assertThatExceptionOfType(RequestRejectedException.class)
				.isThrownBy(() -> forged.getHeader("Authorization"));
			HttpServletRequest c1 = firewalled(firewall, "X-Name", "a\u0085b");
			assertThatExceptionOfType(RequestRejectedException.class).isThrownBy(() -> c1.getHeader("X-Name"));
		});
	}

	@Test
	void anApplicationsFirewallReplacesIt() {
		this.runner.withUserConfiguration(OwnFirewall.class).run((context) -> {
			assertThat(context).hasSingleBean(HttpFirewall.class).doesNotHaveBean("cognitoHttpFirewall");
			assertThat(context.getBean(HttpFirewall.class)).isInstanceOf(DefaultHttpFirewall.class);
		});
	}

	private static HttpServletRequest firewalled(HttpFirewall firewall, String name, String value) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders");
		request.addHeader(name, value);
		return firewall.getFirewalledRequest(request);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnFirewall {

		@Bean
		HttpFirewall ownFirewall() {
			return new DefaultHttpFirewall();
		}

	}

}
