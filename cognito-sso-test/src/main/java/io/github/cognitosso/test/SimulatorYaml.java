package io.github.cognitosso.test;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a simulator's pool, users and clients from YAML (see
 * {@link CognitoSimulator#fromYaml(InputStream)}).
 */
final class SimulatorYaml {

	private SimulatorYaml() {
	}

	static CognitoSimulator.Builder read(InputStream in) {
		Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		if (!(loaded instanceof Map<?, ?> root)) {
			throw new IllegalArgumentException("The simulator YAML must be a mapping with users and clients");
		}
		CognitoSimulator.Builder builder = CognitoSimulator.builder();
		if (root.get("user-pool-id") != null) {
			builder.userPoolId(String.valueOf(root.get("user-pool-id")));
		}
		for (Map<?, ?> user : list(root.get("users"))) {
			builder.user(new SimulatedUser(required(user, "username"), required(user, "password"), string(user, "sub"),
					string(user, "email"), strings(user.get("groups")), stringMap(user.get("attributes"))));
		}
		for (Map<?, ?> client : list(root.get("clients"))) {
			List<String> grants = strings(client.get("grants"));
			builder.client(new SimulatedClient(required(client, "client-id"), string(client, "client-secret"),
					strings(client.get("callback-urls")), strings(client.get("sign-out-urls")),
					client.containsKey("scopes") ? strings(client.get("scopes")) : null,
					grants.isEmpty() || grants.contains("authorization_code"), grants.contains("client_credentials"),
					Boolean.TRUE.equals(client.get("refresh-token-rotation")),
					client.containsKey("access-token-validity")
							? Duration.parse(String.valueOf(client.get("access-token-validity"))) : null,
					client.containsKey("refresh-token-retry-grace-period")
							? Duration.parse(String.valueOf(client.get("refresh-token-retry-grace-period"))) : null));
		}
		return builder;
	}

	private static List<Map<?, ?>> list(Object value) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> items)) {
			throw new IllegalArgumentException("Expected a list in the simulator YAML, got: " + value);
		}
		List<Map<?, ?>> maps = new java.util.ArrayList<>();
		for (Object item : items) {
			if (!(item instanceof Map<?, ?> map)) {
				throw new IllegalArgumentException("Expected a mapping in the simulator YAML, got: " + item);
			}
			maps.add(map);
		}
		return maps;
	}

	private static String required(Map<?, ?> map, String key) {
		String value = string(map, key);
		if (value == null) {
			throw new IllegalArgumentException("The simulator YAML entry " + map.keySet() + " needs '" + key + "'");
		}
		return value;
	}

	private static String string(Map<?, ?> map, String key) {
		Object value = map.get(key);
		return (value != null) ? String.valueOf(value) : null;
	}

	private static List<String> strings(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> items) {
			return items.stream().map(String::valueOf).toList();
		}
		return List.of(String.valueOf(value).split("\\s*,\\s*"));
	}

	private static Map<String, String> stringMap(Object value) {
		if (!(value instanceof Map<?, ?> map)) {
			return Map.of();
		}
		return map.entrySet()
			.stream()
			.collect(java.util.stream.Collectors.toMap((e) -> String.valueOf(e.getKey()),
					(e) -> String.valueOf(e.getValue())));
	}

}
