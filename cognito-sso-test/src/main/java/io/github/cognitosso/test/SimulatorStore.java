package io.github.cognitosso.test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulated pool remembers between requests: authorization codes, refresh
 * tokens, the sign-ins whose tokens were revoked, and hosted-UI sessions. One store is
 * shared by the endpoint families; WireMock serves requests concurrently, hence the
 * concurrent maps.
 */
final class SimulatorStore {

	private final SecureRandom random = new SecureRandom();

	private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();

	private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();

	/** Rotated-away refresh tokens still inside their grace period, and until when. */
	private final Map<String, Instant> retiredRefreshTokens = new ConcurrentHashMap<>();

	private final Set<String> revokedOrigins = ConcurrentHashMap.newKeySet();

	private final Map<String, String> sessions = new ConcurrentHashMap<>();

	/**
	 * @return a new single-use code for the sign-in
	 */
	String issueCode(AuthorizationCode code) {
		String value = randomToken(24);
		this.codes.put(value, code);
		return value;
	}

	/**
	 * @return the sign-in of the code, or {@code null}; either way the code cannot be
	 * redeemed again
	 */
	AuthorizationCode redeemCode(String code) {
		return (code != null) ? this.codes.remove(code) : null;
	}

	/**
	 * @return a new origin id, which ties the tokens of one sign-in together (Cognito's
	 * {@code origin_jti})
	 */
	String newOrigin() {
		return randomToken(12);
	}

	/**
	 * @return a new refresh token for the grant
	 */
	String issueRefreshToken(RefreshGrant grant) {
		String token = randomToken(96);
		this.refreshTokens.put(token, grant);
		return token;
	}

	/**
	 * @return the grant of a live refresh token, or {@code null}
	 */
	RefreshGrant refreshGrant(String token) {
		return (token != null) ? this.refreshTokens.get(token) : null;
	}

	/**
	 * @return a new refresh token for the grant of {@code presented}, which stops working
	 */
	String rotateRefreshToken(String presented, RefreshGrant grant) {
		return rotateRefreshToken(presented, grant, null);
	}

	/**
	 * @param retiredUntil until when {@code presented} still refreshes, or {@code null}
	 * for not at all
	 * @return a new refresh token for the grant of {@code presented}
	 */
	String rotateRefreshToken(String presented, RefreshGrant grant, Instant retiredUntil) {
		if (retiredUntil == null) {
			this.refreshTokens.remove(presented);
		}
		else {
			this.retiredRefreshTokens.putIfAbsent(presented, retiredUntil);
		}
		return issueRefreshToken(grant);
	}

	/**
	 * @return whether a rotated-away refresh token's grace period is over at {@code now}
	 * (a token never rotated away has none)
	 */
	boolean pastGracePeriod(String token, Instant now) {
		Instant until = this.retiredRefreshTokens.get(token);
		if (until != null && now.isAfter(until)) {
			this.refreshTokens.remove(token);
			this.retiredRefreshTokens.remove(token);
			return true;
		}
		return false;
	}

	/** Revokes a refresh token and, as Cognito does, the access tokens issued from it. */
	void revokeRefreshToken(String token, RefreshGrant grant) {
		this.refreshTokens.remove(token);
		this.revokedOrigins.add(grant.origin());
	}

	/**
	 * @return whether the tokens of the sign-in with this origin id were revoked
	 */
	boolean isRevoked(String origin) {
		return this.revokedOrigins.contains(origin);
	}

	/**
	 * @return the id of a new hosted-UI session of the user
	 */
	String startSession(String username) {
		String session = randomToken(24);
		this.sessions.put(session, username);
		return session;
	}

	/**
	 * @return the user of the first live session among the ids, or {@code null}
	 */
	String sessionUser(Collection<String> sessionIds) {
		for (String id : sessionIds) {
			String user = this.sessions.get(id);
			if (user != null) {
				return user;
			}
		}
		return null;
	}

	void endSessions(Collection<String> sessionIds) {
		sessionIds.forEach(this.sessions::remove);
	}

	/**
	 * Revokes every refresh token of the user, with the access and ID tokens issued from
	 * them, and ends the user's hosted-UI sessions.
	 */
	void globalSignOut(String username) {
		this.refreshTokens.entrySet().removeIf((entry) -> {
			if (!entry.getValue().username().equals(username)) {
				return false;
			}
			this.revokedOrigins.add(entry.getValue().origin());
			return true;
		});
		this.sessions.values().removeIf(username::equals);
	}

	int activeSessions() {
		return this.sessions.size();
	}

	private String randomToken(int bytes) {
		byte[] value = new byte[bytes];
		this.random.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	/**
	 * A sign-in waiting for its code to be redeemed, with everything the redemption must
	 * match.
	 */
	record AuthorizationCode(String clientId, String redirectUri, String username, List<String> scopes,
			String codeChallenge, String nonce, Instant expiresAt) {
	}

	/** What a refresh token stands for: the sign-in it descends from. */
	record RefreshGrant(String clientId, String username, List<String> scopes, String origin, Instant authTime) {
	}

}
