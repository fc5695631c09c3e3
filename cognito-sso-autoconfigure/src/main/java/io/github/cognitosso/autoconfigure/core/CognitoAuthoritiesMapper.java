package io.github.cognitosso.autoconfigure.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.cognitosso.autoconfigure.CognitoProperties;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Turns Cognito claims into Spring Security authorities, the same way for bearer tokens
 * and for browser login, so {@code hasRole('admin')} and
 * {@code hasAuthority('SCOPE_orders/read')} mean the same everywhere:
 * {@code cognito:groups} become {@code ROLE_<group>} and the space-separated
 * {@code scope} claim becomes {@code SCOPE_<scope>}. Claim, prefixes and case come from
 * {@code cognito.authorities.*}.
 */
public final class CognitoAuthoritiesMapper {

	private final CognitoProperties.Authorities settings;

	public CognitoAuthoritiesMapper(CognitoProperties.Authorities settings) {
		this.settings = settings;
	}

	/**
	 * @param claims the claims of a token (or of an OIDC user)
	 * @return the authorities, groups first, in claim order, without duplicates
	 * @throws IllegalArgumentException when the groups or scope claim has a JSON type
	 * Cognito never sends
	 */
	public Collection<GrantedAuthority> authorities(Map<String, Object> claims) {
		return authorities(groups(claims), scopes(claims));
	}

	/**
	 * @param groups the groups, as {@link #groups} gives them
	 * @param scopes the scopes, as {@link #scopes} gives them
	 * @return the authorities, groups first, in order, without duplicates
	 */
	Collection<GrantedAuthority> authorities(List<String> groups, List<String> scopes) {
		Set<GrantedAuthority> authorities = new LinkedHashSet<>();
		for (String group : groups) {
			authorities.add(new SimpleGrantedAuthority(this.settings.getGroupPrefix() + applyCase(group)));
		}
		for (String scope : scopes) {
			authorities.add(new SimpleGrantedAuthority(this.settings.getScopePrefix() + scope));
		}
		return List.copyOf(authorities);
	}

	/**
	 * @return the groups as Cognito wrote them (a JSON array of strings), empty when the
	 * claim is absent
	 * @throws IllegalArgumentException when the claim is not an array of strings
	 */
	public List<String> groups(Map<String, Object> claims) {
		Object value = claims.get(this.settings.getGroupsClaim());
		if (value == null) {
			return List.of();
		}
		if (value instanceof Collection<?> collection) {
			List<String> groups = new ArrayList<>(collection.size());
			for (Object item : collection) {
				if (!(item instanceof String group)) {
					throw new IllegalArgumentException(
							"The " + this.settings.getGroupsClaim() + " claim must be an array of strings");
				}
				groups.add(group);
			}
			return groups;
		}
		throw new IllegalArgumentException(
				"The " + this.settings.getGroupsClaim() + " claim must be an array of strings");
	}

	/**
	 * @return the scopes of Cognito's space-separated {@code scope} claim, empty when
	 * absent
	 * @throws IllegalArgumentException when the claim is not a string
	 */
	public List<String> scopes(Map<String, Object> claims) {
		Object value = claims.get("scope");
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof String scope)) {
			throw new IllegalArgumentException("The scope claim must be a space-separated string");
		}
		return CognitoScopes.split(scope);
	}

	/**
	 * @return the name of the claim that holds the groups
	 */
	String groupsClaim() {
		return this.settings.getGroupsClaim();
	}

	private String applyCase(String group) {
		return switch (this.settings.getGroupCase()) {
			case LOWERCASE -> group.toLowerCase(Locale.ROOT);
			case UPPERCASE -> group.toUpperCase(Locale.ROOT);
			case UNCHANGED -> group;
		};
	}

}
