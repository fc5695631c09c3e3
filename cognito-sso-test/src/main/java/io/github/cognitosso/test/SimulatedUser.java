package io.github.cognitosso.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A user of the simulated user pool: what Cognito stores about a user and writes into
 * tokens.
 *
 * @param username the user name ({@code cognito:username} in ID tokens, {@code username}
 * in access tokens)
 * @param password the password the login form accepts
 * @param sub the user's immutable id ({@code sub})
 * @param email the email attribute, or {@code null}
 * @param groups the user's groups ({@code cognito:groups}), in order
 * @param attributes further attributes (for example {@code given_name} or
 * {@code custom:tenant})
 */
public record SimulatedUser(String username, String password, String sub, String email, List<String> groups,
		Map<String, String> attributes) {

	public SimulatedUser {
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(password, "password");
		sub = (sub != null) ? sub : UUID.nameUUIDFromBytes(username.getBytes()).toString();
		groups = List.copyOf((groups != null) ? groups : List.of());
		attributes = Map.copyOf((attributes != null) ? attributes : Map.of());
	}

	/**
	 * @return a user with the given groups and an email of {@code <username>@example.com}
	 */
	public static SimulatedUser of(String username, String password, String... groups) {
		return new SimulatedUser(username, password, null, username + "@example.com", List.of(groups), Map.of());
	}

	/**
	 * @return this user with one more attribute
	 */
	public SimulatedUser withAttribute(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.attributes);
		more.put(name, value);
		return new SimulatedUser(this.username, this.password, this.sub, this.email, this.groups, more);
	}

}
