package io.github.cognitosso.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import org.springframework.core.io.ClassPathResource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A local Amazon Cognito user pool for tests and development: discovery, JWKS, the hosted
 * UI's login form, {@code /oauth2/authorize}, {@code /oauth2/token} (authorization code
 * with PKCE, refresh token, client credentials), {@code /oauth2/userInfo},
 * {@code /oauth2/revoke} and {@code /logout}, answering as Cognito does, on WireMock, on
 * 127.0.0.1 and a free port.
 *
 * <pre class="code">
 * try (CognitoSimulator cognito = CognitoSimulator.builder()
 *         .user(SimulatedUser.of("alice", "alice-password", "admin"))
 *         .client(SimulatedClient.confidential("my-client", "my-secret",
 *                 List.of("http://localhost:8080/login/oauth2/code/cognito"), List.of("http://localhost:8080/")))
 *         .build()
 *         .start()) {
 *     Map&lt;String, String&gt; properties = cognito.properties("my-client"); // cognito.* for the starter
 *     String token = cognito.tokens().accessToken(cognito.user("alice"), "my-client", "openid");
 * }
 * </pre>
 *
 * Every request it serves is recorded: {@link #wireMock()} gives WireMock's verification
 * API.
 */
public final class CognitoSimulator implements AutoCloseable {

	/**
	 * A pool id in AWS's shape; the issuer override makes the starter use the simulator's
	 * URLs.
	 */
	public static final String DEFAULT_USER_POOL_ID = "us-east-1_Simulat0r";

	private final String userPoolId;

	private final Map<String, SimulatedUser> users = new ConcurrentHashMap<>();

	private final Map<String, SimulatedClient> clients = new ConcurrentHashMap<>();

	private final KeyRing keys = new KeyRing();

	private final Clock clock;

	private final int port;

	private WireMockServer server;

	private SimulatorEndpoints endpoints;

	private CognitoSimulator(Builder builder) {
		this.userPoolId = builder.userPoolId;
		this.clock = builder.clock;
		this.port = builder.port;
		builder.users.forEach(this::addUser);
		builder.clients.forEach(this::addClient);
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * @return a simulator with the demo users {@code alice} (group {@code admin}) and
	 * {@code bob} (no group), and a confidential client {@code demo-client} /
	 * {@code demo-secret} allowing {@code http://localhost:8080}
	 */
	public static Builder demo() {
		return builder().user(SimulatedUser.of("alice", "alice-password", "admin"))
			.user(SimulatedUser.of("bob", "bob-password"))
			.client(SimulatedClient.confidential("demo-client", "demo-secret",
					List.of("http://localhost:8080/login/oauth2/code/cognito"), List.of("http://localhost:8080/")))
			.client(SimulatedClient.machine("demo-machine", "demo-machine-secret", "demo-api/read"));
	}

	/**
	 * Reads users and clients from YAML:
	 *
	 * <pre>
	 * user-pool-id: us-east-1_Simulat0r
	 * users:
	 *   - username: alice
	 *     password: alice-password
	 *     email: alice@example.com
	 *     groups: [admin]
	 * clients:
	 *   - client-id: demo-client
	 *     client-secret: demo-secret
	 *     callback-urls: [http://localhost:8080/login/oauth2/code/cognito]
	 *     sign-out-urls: [http://localhost:8080/]
	 *     scopes: [openid, email, profile]
	 *     grants: [authorization_code]
	 * </pre>
	 */
	public static Builder fromYaml(InputStream yaml) {
		return SimulatorYaml.read(yaml);
	}

	/**
	 * @param config a classpath location of a simulator YAML file, or empty for
	 * {@link #demo()}
	 */
	static Builder fromClasspathOrDemo(String config) {
		if (config.isEmpty()) {
			return demo();
		}
		String location = config.startsWith("classpath:") ? config.substring("classpath:".length()) : config;
		try (InputStream in = new ClassPathResource(location).getInputStream()) {
			return fromYaml(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Cognito simulator configuration " + config, ex);
		}
	}

	/**
	 * @see #fromYaml(InputStream)
	 */
	public static Builder fromYaml(Path yaml) {
		try (InputStream in = Files.newInputStream(yaml)) {
			return fromYaml(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts serving on 127.0.0.1.
	 * @return this simulator
	 */
	public synchronized CognitoSimulator start() {
		if (this.server != null) {
			return this;
		}
		this.endpoints = new SimulatorEndpoints(this);
		WireMockServer wireMock = new WireMockServer(
				wireMockConfig().bindAddress("127.0.0.1").port(this.port).extensions(this.endpoints));
		wireMock.start();
		wireMock.stubFor(WireMock.any(WireMock.anyUrl())
			.willReturn(WireMock.aResponse().withTransformers(SimulatorEndpoints.NAME)));
		this.server = wireMock;
		return this;
	}

	/** Stops serving. */
	@Override
	public synchronized void close() {
		if (this.server != null) {
			this.server.stop();
			this.server = null;
		}
	}

	/**
	 * @return whether the simulator is serving
	 */
	public synchronized boolean isRunning() {
		return this.server != null && this.server.isRunning();
	}

	/**
	 * @return the simulated domain, e.g. {@code http://127.0.0.1:40123}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + server().port();
	}

	/**
	 * @return the issuer of every token: {@code <baseUrl>/<userPoolId>}
	 */
	public String issuer() {
		return baseUrl() + "/" + this.userPoolId;
	}

	public String userPoolId() {
		return this.userPoolId;
	}

	/**
	 * @return the {@code cognito.*} properties that point the starter at this simulator
	 * for the given app client
	 */
	public Map<String, String> properties(String clientId) {
		SimulatedClient client = client(clientId);
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("cognito.user-pool-id", this.userPoolId);
		properties.put("cognito.issuer-uri", issuer());
		properties.put("cognito.domain", baseUrl());
		properties.put("cognito.client-id", client.clientId());
		if (client.clientSecret() != null) {
			properties.put("cognito.client-secret", client.clientSecret());
		}
		return properties;
	}

	/**
	 * @return the token minting helper, signing with the simulator's current key
	 */
	public CognitoTokens tokens() {
		return new CognitoTokens(this.keys, issuer(), this.clock);
	}

	public void addUser(SimulatedUser user) {
		this.users.put(user.username(), user);
	}

	public void addClient(SimulatedClient client) {
		this.clients.put(client.clientId(), client);
	}

	/**
	 * Allows an app client to use more callback and sign-out URLs, as adding them in the
	 * Cognito console would.
	 * @param clientId an app client of this pool
	 * @param callbackUrls further allowed {@code redirect_uri} values
	 * @param signOutUrls further allowed {@code logout_uri} values
	 * @throws IllegalArgumentException when there is no such client
	 */
	public void allowUrls(String clientId, Collection<String> callbackUrls, Collection<String> signOutUrls) {
		this.clients.compute(clientId, (id, client) -> {
			if (client == null) {
				throw new IllegalArgumentException("No app client " + clientId + " in the simulated user pool");
			}
			return client.withMoreUrls(callbackUrls, signOutUrls);
		});
	}

	/**
	 * @throws IllegalArgumentException when there is no such user
	 */
	public SimulatedUser user(String username) {
		return findUser(username)
			.orElseThrow(() -> new IllegalArgumentException("The simulator has no user '" + username + "'"));
	}

	/**
	 * @throws IllegalArgumentException when there is no such app client
	 */
	public SimulatedClient client(String clientId) {
		return findClient(clientId)
			.orElseThrow(() -> new IllegalArgumentException("The simulator has no app client '" + clientId + "'"));
	}

	public Collection<SimulatedUser> users() {
		return List.copyOf(this.users.values());
	}

	/**
	 * Publishes a new signing key; the previous one stays in the JWKS until
	 * {@link #retireOldKeys()}.
	 */
	public void rotateKeys() {
		this.keys.rotate();
	}

	/** Removes every key but the current one from the JWKS. */
	public void retireOldKeys() {
		this.keys.retireOldKeys();
	}

	/**
	 * @return the key ids the JWKS currently publishes, signing key last
	 */
	public List<String> keyIds() {
		return this.keys.publicKeys().stream().map((key) -> key.getKeyID()).toList();
	}

	/**
	 * @return WireMock, to verify the requests the simulator served
	 */
	public WireMockServer wireMock() {
		return server();
	}

	/**
	 * Signs the user out everywhere, as {@code AdminUserGlobalSignOut} does: every
	 * refresh token of the user is revoked (a refresh answers {@code invalid_grant}),
	 * with the access tokens issued from them, and the user's hosted-UI sessions end.
	 * @throws IllegalArgumentException when there is no such user
	 */
	public void globalSignOut(String username) {
		user(username);
		if (this.endpoints != null) {
			this.endpoints.globalSignOut(username);
		}
	}

	/**
	 * @return the number of hosted-UI sessions alive (users signed in at the simulated
	 * Cognito)
	 */
	public int activeSessions() {
		return (this.endpoints != null) ? this.endpoints.activeSessions() : 0;
	}

	Optional<SimulatedUser> findUser(String username) {
		return (username != null) ? Optional.ofNullable(this.users.get(username)) : Optional.empty();
	}

	Optional<SimulatedClient> findClient(String clientId) {
		return (clientId != null) ? Optional.ofNullable(this.clients.get(clientId)) : Optional.empty();
	}

	KeyRing keys() {
		return this.keys;
	}

	Clock clock() {
		return this.clock;
	}

	private synchronized WireMockServer server() {
		if (this.server == null) {
			throw new IllegalStateException("The Cognito simulator is not running: call start() first");
		}
		return this.server;
	}

	/**
	 * Users, clients, pool id, port and clock of a simulator.
	 */
	public static final class Builder {

		private String userPoolId = DEFAULT_USER_POOL_ID;

		private final List<SimulatedUser> users = new java.util.ArrayList<>();

		private final List<SimulatedClient> clients = new java.util.ArrayList<>();

		private Clock clock = Clock.systemUTC();

		private int port = 0;

		private Builder() {
		}

		public Builder userPoolId(String userPoolId) {
			this.userPoolId = Objects.requireNonNull(userPoolId, "userPoolId");
			return this;
		}

		public Builder user(SimulatedUser user) {
			this.users.add(user);
			return this;
		}

		public Builder client(SimulatedClient client) {
			this.clients.add(client);
			return this;
		}

		/** The clock for token times and code expiry (tests can move it). */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/** A fixed port; default 0 (a free port). */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		public CognitoSimulator build() {
			return new CognitoSimulator(this);
		}

	}

}
