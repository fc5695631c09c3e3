package io.github.cognitosso.autoconfigure.servlet.gateway;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code cognito.gateway.*} settings of a gateway in front of upstream applications.
 * Bound by {@link CognitoGatewayAutoConfiguration}.
 */
@ConfigurationProperties("cognito.gateway")
public class CognitoGatewayProperties {

	/**
	 * Whether the gateway pieces are on when Spring Cloud Gateway Server WebMVC is on the
	 * class path.
	 */
	private boolean enabled = true;

	/**
	 * The upstream that one catch-all route sends every request to, behind sign-in, with
	 * the user's access token and identity headers (the gateway's own paths excepted).
	 * Scheme, host and port; the request's path is kept. Unset: no catch-all route.
	 */
	private URI upstreamUri;

	/**
	 * Path patterns that need no sign-in (for example /assets/**); every other path needs
	 * a signed-in user or a valid bearer token. Applies to the gateway's default security
	 * chain.
	 */
	private List<String> publicPaths = new ArrayList<>();

	private final Headers headers = new Headers();

	private final Assertion assertion = new Assertion();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public URI getUpstreamUri() {
		return this.upstreamUri;
	}

	public void setUpstreamUri(URI upstreamUri) {
		this.upstreamUri = upstreamUri;
	}

	public List<String> getPublicPaths() {
		return this.publicPaths;
	}

	public void setPublicPaths(List<String> publicPaths) {
		this.publicPaths = publicPaths;
	}

	public Headers getHeaders() {
		return this.headers;
	}

	public Assertion getAssertion() {
		return this.assertion;
	}

	/**
	 * The identity headers the upstream receives. A client's own headers of these names
	 * are removed before the gateway sets them.
	 */
	public static class Headers {

		/**
		 * Header that carries the user's Cognito username (cognito:username; absent for
		 * machine callers).
		 */
		private String username = "X-Cognito-Username";

		/**
		 * Header that carries the caller's sub (a machine caller's is its client id).
		 */
		private String sub = "X-Cognito-Sub";

		/**
		 * Header that carries the user's email (browser users; access tokens carry no
		 * email).
		 */
		private String email = "X-Cognito-Email";

		/**
		 * Header that carries the user's Cognito groups, comma separated.
		 */
		private String groups = "X-Cognito-Groups";

		public String getUsername() {
			return this.username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getSub() {
			return this.sub;
		}

		public void setSub(String sub) {
			this.sub = sub;
		}

		public String getEmail() {
			return this.email;
		}

		public void setEmail(String email) {
			this.email = email;
		}

		public String getGroups() {
			return this.groups;
		}

		public void setGroups(String groups) {
			this.groups = groups;
		}

		List<String> names() {
			return List.of(this.username, this.sub, this.email, this.groups);
		}

	}

	/**
	 * A short-lived JWT of the user, signed by the gateway, for upstreams that verify who
	 * is calling against the gateway's key set rather than trust plain headers.
	 */
	public static class Assertion {

		/**
		 * Whether the identity headers include a signed assertion of the user.
		 */
		private boolean enabled = false;

		/**
		 * Header that carries the assertion.
		 */
		private String header = "X-Cognito-Jwt-Assertion";

		/**
		 * How long an assertion is valid. A number without a unit is seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration lifetime = Duration.ofSeconds(60);

		/**
		 * The assertion's aud claim. Unset: the host the request was sent to (as
		 * Pomerium's assertion does), so an upstream can refuse an assertion minted for
		 * another.
		 */
		private String audience;

		/**
		 * Location of the RSA private key that signs the assertions: a PEM PKCS#8 file
		 * (BEGIN PRIVATE KEY) or a JWK, as a Spring resource (file:/etc/gateway/key.pem,
		 * classpath:...). Give every instance behind a load balancer the same key, so
		 * that they publish the same key set. Unset: a key made at start-up, in memory
		 * only.
		 */
		private String keyLocation;

		/**
		 * Path of the gateway's key set (JWKS) that verifies the assertions; served
		 * without sign-in.
		 */
		private String jwksPath = "/.well-known/cognito-gateway/jwks.json";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getHeader() {
			return this.header;
		}

		public void setHeader(String header) {
			this.header = header;
		}

		public Duration getLifetime() {
			return this.lifetime;
		}

		public void setLifetime(Duration lifetime) {
			this.lifetime = lifetime;
		}

		public String getAudience() {
			return this.audience;
		}

		public void setAudience(String audience) {
			this.audience = audience;
		}

		public String getKeyLocation() {
			return this.keyLocation;
		}

		public void setKeyLocation(String keyLocation) {
			this.keyLocation = keyLocation;
		}

		public String getJwksPath() {
			return this.jwksPath;
		}

		public void setJwksPath(String jwksPath) {
			this.jwksPath = jwksPath;
		}

	}

}
