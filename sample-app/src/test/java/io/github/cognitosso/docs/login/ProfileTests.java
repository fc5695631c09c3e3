package io.github.cognitosso.docs.login;

import java.util.List;
import java.util.Map;

import io.github.cognitosso.test.CognitoSimulator;
import io.github.cognitosso.test.EnableCognitoSimulator;
import io.github.cognitosso.test.SimulatedUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The {@code /me} and {@code /admin} snippets of docs/login.md, for users with and
 * without groups.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EnableCognitoSimulator
class ProfileTests {

	@Autowired
	CognitoSimulator cognito;

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void browser() {
		this.browser = new Browser(this.cognito, this.port);
	}

	@Test
	void meListsTheGroupsOfAGroupMember() {
		this.browser.signIn("/me", "alice", "alice-password").expectStatus().isOk().expectBody().json("""
				{"name": "alice", "email": "alice@example.com", "groups": ["admin"]}""");
	}

	@Test
	void meShowsNoGroupsForAUserInNoGroup() {
		this.browser.signIn("/me", "bob", "bob-password").expectStatus().isOk().expectBody().json("""
				{"name": "bob", "email": "bob@example.com", "groups": []}""");
	}

	@Test
	void meShowsNoEmailForAUserWithoutOne() {
		this.cognito.addUser(new SimulatedUser("dave", "dave-password", null, null, List.of(), Map.of()));
		this.browser.signIn("/me", "dave", "dave-password").expectStatus().isOk().expectBody().json("""
				{"name": "dave", "email": null, "groups": []}""");
	}

	@Test
	void adminPageNeedsGroupAdmin() {
		this.browser.signIn("/admin", "alice", "alice-password")
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("Welcome, alice");
	}

	@Test
	void adminPageIsForbiddenOutsideGroupAdmin() {
		this.browser.signIn("/admin", "bob", "bob-password").expectStatus().isForbidden();
	}

}
