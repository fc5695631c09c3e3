package io.github.cognitosso.autoconfigure.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * The caller, as Cognito describes it: who (user or machine), which groups and scopes,
 * which app client, which kind of token. It is the {@link Authentication} of a
 * bearer-token caller and of a user signed in through the browser alike, so an
 * application asks for one type whichever way the caller came in: Spring MVC injects it
 * into a controller method parameter of this type, and SpEL sees its properties.
 *
 * <pre class="code">
 * &#64;GetMapping("/me")
 * Map&lt;String, Object&gt; me(CognitoAuthentication caller) {
 *     return Map.of("name", caller.getName(), "groups", caller.getGroups(), "machine", caller.isMachine());
 * }
 *
 * &#64;PreAuthorize("!authentication.machine")
 * </pre>
 *
 * A bearer caller's authentication is also a {@code JwtAuthenticationToken}
 * ({@code @AuthenticationPrincipal Jwt} keeps working), a browser user's an
 * {@code OAuth2AuthenticationToken} ({@code @AuthenticationPrincipal OidcUser} keeps
 * working).
 */
public interface CognitoAuthentication extends Authentication {

	/**
	 * What {@link #getName()} of a machine caller starts with:
	 * {@code client:<client_id>}. A bearer user is never named so (a user token whose
	 * name starts with it is refused), so code that only compares names cannot mistake a
	 * user who registered a client id as username for that machine.
	 */
	String MACHINE_NAME_PREFIX = "client:";

	/**
	 * @return the caller's name: for a user the first present of the principal claims (a
	 * bearer caller) or the user-name attribute (a browser user); for a machine
	 * {@value #MACHINE_NAME_PREFIX} followed by its client id
	 */
	@Override
	String getName();

	/**
	 * @return the user's name ({@code username} in an access token,
	 * {@code cognito:username} in an ID token); empty for a machine. With email sign-in
	 * Cognito's username can itself be a UUID.
	 */
	Optional<String> getUsername();

	/**
	 * @return the caller's Cognito groups as the token names them (before any authority
	 * prefix or case mapping)
	 */
	List<String> getGroups();

	/**
	 * @return the scopes: a bearer access token's {@code scope}, the scopes granted to a
	 * browser user's access token; empty for a bearer ID token
	 */
	List<String> getScopes();

	/**
	 * @return the app client the token was issued to ({@code client_id} of an access
	 * token, {@code aud} of an ID token, the login app client for a browser user)
	 */
	Optional<String> getClientId();

	/**
	 * @return the kind of token whose claims describe the caller: that of the bearer
	 * token, {@code ID} for a browser user (the ID token of the sign-in)
	 */
	TokenUse getTokenUse();

	/**
	 * @return whether the caller is a machine: an access token from the client
	 * credentials grant, whose {@code sub} is the client id and which names no user;
	 * never a browser user
	 */
	boolean isMachine();

	/**
	 * @return the claims of that token: the bearer token's, or a browser user's ID token
	 * claims (with the userInfo attributes when {@code cognito.login.user-info-enabled}
	 * is on)
	 */
	Map<String, Object> getClaims();

}
