package io.github.cognitosso.autoconfigure.core;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

/**
 * Spring's claim-set conversion ({@link MappedJwtClaimSetConverter#withDefaults} with no
 * converter of the application's), with the same result for every claim and value, and
 * without Spring's look-ups for the values Nimbus' claim set holds in the common case:
 * <ul>
 * <li>an {@code iss} spelled exactly as one of the pool's issuers is kept as it is
 * (Spring parses it into a {@code URL} and prints it back, which gives the same string
 * for those issuers: checked once, when the converter is made);</li>
 * <li>{@code sub} and {@code jti} strings stay as they are;</li>
 * <li>{@code exp}, {@code iat} and {@code nbf}, held as a {@link Date}, become
 * {@link Date#toInstant()};</li>
 * <li>a registered claim the token does not have is left out without asking Spring's
 * conversion service (which answers {@code null} for it); one whose value is JSON
 * {@code null} is removed, as Spring removes it.</li>
 * </ul>
 * Any other value goes through Spring's own conversion, so it becomes what it became
 * before, or fails as it failed. As in Spring, an {@code exp} without {@code iat} gets an
 * {@code iat} one second before it.
 */
final class CognitoClaimSetConverter implements Converter<Map<String, Object>, Map<String, Object>> {

	private static final String[] ORDER = order();

	private final MappedJwtClaimSetConverter spring = MappedJwtClaimSetConverter.withDefaults(Map.of());

	private final Set<String> unchangedIssuers;

	/**
	 * @param issuers the pool's issuers; those Spring's conversion gives back unchanged
	 * are kept as they are
	 */
	CognitoClaimSetConverter(Set<String> issuers) {
		Set<String> unchanged = new HashSet<>();
		for (String issuer : issuers) {
			if (issuer.equals(springClaim(JwtClaimNames.ISS, issuer))) {
				unchanged.add(issuer);
			}
		}
		this.unchangedIssuers = Set.copyOf(unchanged);
	}

	@Override
	public Map<String, Object> convert(Map<String, Object> claims) {
		Map<String, Object> mapped = new HashMap<>(claims);
		// In Spring's order, so that of two claims that fail, the same one is named.
		for (String name : ORDER) {
			Object value = claims.get(name);
			if (value instanceof Date date && isInstant(name)) {
				mapped.put(name, date.toInstant());
			}
			else if (!(value instanceof String text
					&& (isText(name) || (name.equals(JwtClaimNames.ISS) && this.unchangedIssuers.contains(text))))) {
				convert(mapped, name, value);
			}
		}
		if (mapped.get(JwtClaimNames.IAT) == null && mapped.get(JwtClaimNames.EXP) instanceof Instant exp) {
			mapped.put(JwtClaimNames.IAT, exp.minusSeconds(1));
		}
		return mapped;
	}

	private static boolean isInstant(String name) {
		return name.equals(JwtClaimNames.EXP) || name.equals(JwtClaimNames.IAT) || name.equals(JwtClaimNames.NBF);
	}

	private static boolean isText(String name) {
		return name.equals(JwtClaimNames.SUB) || name.equals(JwtClaimNames.JTI);
	}

	/**
	 * The registered claims in the order Spring's conversion visits them: a
	 * {@link HashMap} of the same names, made the same way.
	 */
	private static String[] order() {
		Map<String, Boolean> names = new HashMap<>();
		for (String name : new String[] { JwtClaimNames.AUD, JwtClaimNames.EXP, JwtClaimNames.IAT, JwtClaimNames.ISS,
				JwtClaimNames.JTI, JwtClaimNames.NBF, JwtClaimNames.SUB }) {
			names.put(name, Boolean.TRUE);
		}
		return names.keySet().toArray(new String[0]);
	}

	/**
	 * Spring's conversion of one claim; nothing to do for a claim the token does not
	 * have, and a JSON {@code null} is removed (what Spring's converters make of a
	 * {@code null}).
	 */
	private void convert(Map<String, Object> mapped, String name, Object value) {
		if (value == null) {
			mapped.remove(name);
			return;
		}
		Object converted = springClaim(name, value);
		if (converted == null) {
			mapped.remove(name);
		}
		else {
			mapped.put(name, converted);
		}
	}

	private Object springClaim(String claim, Object value) {
		Map<String, Object> claims = new HashMap<>();
		claims.put(claim, value);
		return this.spring.convert(claims).get(claim);
	}

}
