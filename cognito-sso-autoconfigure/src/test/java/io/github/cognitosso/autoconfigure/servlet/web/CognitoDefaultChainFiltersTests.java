package io.github.cognitosso.autoconfigure.servlet.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.savedrequest.RequestCacheAwareFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filters of the starter's default chain: an API that takes bearer tokens only has no
 * CSRF, logout or saved-request filter (nothing there for them to guard or restore); as
 * soon as anything else joins the chain, or the application writes its own, they stay.
 */
class CognitoDefaultChainFiltersTests {

	private final WebApplicationContextRunner runner = ApiContextRunner.create();

	@Test
	void aBearerOnlyApiLeavesOutCsrfLogoutAndTheSavedRequest() {
		this.runner.run((context) -> {
			assertThat(context).hasBean("cognitoSecurityFilterChain");
			assertThat(filterTypes(context)).contains(BearerTokenAuthenticationFilter.class, HeaderWriterFilter.class)
				.doesNotContain(CsrfFilter.class, LogoutFilter.class, RequestCacheAwareFilter.class);
		});
	}

	@Test
	void aCustomizerOfTheApplicationsKeepsThemInTheDefaultChain() {
		this.runner.withUserConfiguration(ApplicationCustomizer.class).run((context) -> {
			assertThat(context).hasBean("cognitoSecurityFilterChain");
			assertThat(filterTypes(context)).contains(BearerTokenAuthenticationFilter.class, CsrfFilter.class,
					LogoutFilter.class, RequestCacheAwareFilter.class);
		});
	}

	@Test
	void aChainTheApplicationWritesKeepsItsOwnCsrfProtection() {
		this.runner.withUserConfiguration(ApplicationChain.class).run((context) -> {
			assertThat(context).doesNotHaveBean("cognitoSecurityFilterChain");
			assertThat(filterTypes(context)).contains(BearerTokenAuthenticationFilter.class, CsrfFilter.class,
					LogoutFilter.class);
		});
	}

	private static List<Class<?>> filterTypes(AssertableWebApplicationContext context) {
		FilterChainProxy proxy = context.getBean(FilterChainProxy.class);
		assertThat(proxy.getFilterChains()).hasSize(1);
		List<Class<?>> types = new ArrayList<>();
		for (Filter filter : proxy.getFilterChains().get(0).getFilters()) {
			types.add(filter.getClass());
		}
		return types;
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationCustomizer {

		@Bean
		CognitoHttpSecurityCustomizer auditHeader() {
			return (http) -> http.headers((headers) -> headers.xssProtection(Customizer.withDefaults()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationChain {

		@Bean
		SecurityFilterChain api(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			http.with(CognitoHttpConfigurer.cognito(), Customizer.withDefaults());
			return http.build();
		}

	}

}
