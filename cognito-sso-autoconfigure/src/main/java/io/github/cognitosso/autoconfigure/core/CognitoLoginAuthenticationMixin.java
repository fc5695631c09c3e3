package io.github.cognitosso.autoconfigure.core;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * How {@link CognitoLoginAuthentication} is written to JSON and read back, in the style
 * of Spring Security's own mixins: the fields, with the class name as type id.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
		isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties({ "authenticated" })
abstract class CognitoLoginAuthenticationMixin {

	@JsonCreator
	CognitoLoginAuthenticationMixin(@JsonProperty("principal") OAuth2User principal,
			@JsonProperty("authorities") Collection<? extends GrantedAuthority> authorities,
			@JsonProperty("authorizedClientRegistrationId") String registrationId,
			@JsonProperty("username") String username, @JsonProperty("groups") List<String> groups,
			@JsonProperty("scopes") List<String> scopes, @JsonProperty("clientId") String clientId,
			@JsonProperty("signedInAt") Instant signedInAt) {
	}

}
