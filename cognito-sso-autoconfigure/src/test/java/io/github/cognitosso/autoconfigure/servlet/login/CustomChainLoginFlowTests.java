package io.github.cognitosso.autoconfigure.servlet.login;

import java.net.http.HttpResponse;

import io.github.cognitosso.autoconfigure.servlet.login.ScriptedCognito.CognitoUser;
import io.github.cognitosso.autoconfigure.servlet.web.CognitoHttpConfigurer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with its own security chain (public pages, Cognito applied through
 * CognitoHttpConfigurer), its own failure, forbidden and sign-out pages, a custom
 * callback path and extra authorize parameters.
 */
@SpringBootTest(classes = { LoginTestApplication.class, CustomChainLoginFlowTests.CustomChain.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "cognito.client-secret=" + ScriptedCognito.CLIENT_SECRET,
		"cognito.login.redirect-uri={baseUrl}/callback", "cognito.logout.logout-uri={baseUrl}/goodbye",
		"cognito.login.failure-url=/signin-problem", "cognito.login.forbidden-url=/forbidden-page",
		"cognito.login.identity-provider=Google", "cognito.login.lang=fr",
		"cognito.login.resource=https://api.example.com", "cognito.login.authorization-parameters.prompt=login" })
class CustomChainLoginFlowTests extends LoginFlowTestSupport {

	@Test
	void authorizeRequestCarriesTheConfiguredParametersAndCallback() {
		assertThat(Browser.query(startSignIn("/me"))).containsEntry("identity_provider", "Google")
			.containsEntry("lang", "fr")
			.containsEntry("resource", "https://api.example.com")
			.containsEntry("prompt", "login")
			.containsEntry("redirect_uri", app("/callback"));
	}

	@Test
	void signInCompletesAtTheCustomCallbackPath() {
		HttpResponse<String> me = signIn(CognitoUser.alice());

		assertThat(me.body()).contains("\"name\":\"alice\"");
	}

	@Test
	void failedSignInRedirectsToTheFailureUrlWithTheErrorCode() {
		cognito.stubAuthorize(aResponse().withStatus(302)
			.withHeader("Location", "{{request.query.redirect_uri}}?error=access_denied&state={{request.query.state}}")
			.withTransformers("response-template"));

		HttpResponse<String> answer = completeSignIn(startSignIn("/me"));

		assertThat(answer.statusCode()).isEqualTo(302);
		HttpResponse<String> page = this.browser.follow(answer);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).isEqualTo("sign-in problem: access_denied");
	}

	@Test
	void userWithoutTheGroupIsSentToTheForbiddenUrl() {
		signIn(CognitoUser.bob());

		HttpResponse<String> admin = this.browser.navigate(app("/admin"));

		assertThat(admin.statusCode()).isEqualTo(302);
		assertThat(this.browser.follow(admin).body()).isEqualTo("custom forbidden page");
	}

	@Test
	void logoutSendsCognitoTheConfiguredLogoutUri() {
		signIn(CognitoUser.alice());

		HttpResponse<String> logout = this.browser.post(app("/logout"), csrfField());

		assertThat(Browser.query(Browser.location(logout))).containsEntry("logout_uri", app("/goodbye"));
	}

	@Test
	void publicPagesOfTheApplicationChainStayPublic() {
		HttpResponse<String> page = this.browser.navigate(app("/signin-problem?error=x"));

		assertThat(page.statusCode()).isEqualTo(200);
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomChain {

		@Bean
		SecurityFilterChain application(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/signin-problem", "/goodbye")
				.permitAll()
				.anyRequest()
				.authenticated());
			http.with(CognitoHttpConfigurer.cognito(), Customizer.withDefaults());
			return http.build();
		}

		@RestController
		static class Pages {

			@GetMapping("/signin-problem")
			String signInProblem(@RequestParam String error) {
				return "sign-in problem: " + error;
			}

			@GetMapping("/forbidden-page")
			String forbidden() {
				return "custom forbidden page";
			}

		}

	}

}
