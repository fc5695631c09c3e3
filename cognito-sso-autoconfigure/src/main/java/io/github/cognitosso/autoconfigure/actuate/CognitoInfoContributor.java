package io.github.cognitosso.autoconfigure.actuate;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.cognitosso.autoconfigure.CognitoEndpoints;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * The {@code cognito} section of the {@code info} endpoint: the pool, every URL the
 * starter derived (or was given) and which features are on. Only what the pool's public
 * discovery document and the browser's address bar show anyway: never a secret, an app
 * client id or a setting that says how to get past a check.
 */
final class CognitoInfoContributor implements InfoContributor {

	private final CognitoEndpoints endpoints;

	private final List<URI> acceptedIssuers;

	private final Supplier<Map<String, Object>> features;

	/**
	 * @param endpoints the pool's endpoints
	 * @param acceptedIssuers the issuers bearer tokens may name
	 * @param features the features that are on, computed at each call
	 */
	CognitoInfoContributor(CognitoEndpoints endpoints, List<URI> acceptedIssuers,
			Supplier<Map<String, Object>> features) {
		this.endpoints = endpoints;
		this.acceptedIssuers = acceptedIssuers;
		this.features = features;
	}

	@Override
	public void contribute(Info.Builder builder) {
		Map<String, Object> cognito = new LinkedHashMap<>();
		cognito.put("userPoolId", this.endpoints.userPoolId());
		this.endpoints.region().ifPresent((region) -> cognito.put("region", region));
		cognito.put("issuerType", this.endpoints.issuerType().name().toLowerCase());
		cognito.put("issuer", this.endpoints.issuer().toString());
		cognito.put("acceptedIssuers", this.acceptedIssuers.stream().map(URI::toString).toList());
		Map<String, Object> urls = new LinkedHashMap<>();
		urls.put("discovery", this.endpoints.discovery().toString());
		urls.put("jwkSet", this.endpoints.jwkSet().toString());
		put(urls, "domain", this.endpoints.domain());
		put(urls, "authorization", this.endpoints.authorization());
		put(urls, "token", this.endpoints.token());
		put(urls, "userInfo", this.endpoints.userInfo());
		put(urls, "revocation", this.endpoints.revocation());
		put(urls, "logout", this.endpoints.logout());
		cognito.put("endpoints", urls);
		cognito.put("features", this.features.get());
		builder.withDetail("cognito", cognito);
	}

	private static void put(Map<String, Object> urls, String name, Optional<URI> uri) {
		uri.ifPresent((value) -> urls.put(name, value.toString()));
	}

}
