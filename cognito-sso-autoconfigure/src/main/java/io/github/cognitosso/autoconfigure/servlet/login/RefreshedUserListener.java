package io.github.cognitosso.autoconfigure.servlet.login;

import io.github.cognitosso.autoconfigure.core.CognitoAuthoritiesMapper;
import io.github.cognitosso.autoconfigure.core.CognitoLoginAuthentication;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.event.OAuth2AuthorizedClientRefreshedEvent;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizedClientRefreshedEventListener;
import org.springframework.security.oauth2.client.oidc.authentication.event.OidcUserRefreshedEvent;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

/**
 * Refreshes a browser user's {@link CognitoLoginAuthentication} from the new ID token a
 * token refresh brings (new groups, for instance), as Spring Security does for its own
 * authentication class.
 * <p>
 * Spring's {@link OidcAuthorizedClientRefreshedEventListener} handles only the exact
 * {@link OAuth2AuthenticationToken} class, so it is run here against a plain copy of the
 * user's authentication, and the refreshed user it produces (ID token validated the
 * Spring way) is published again as a {@link CognitoLoginAuthentication}; Spring
 * Security's listener for that event stores it in the security context and the session.
 */
final class RefreshedUserListener implements ApplicationListener<OAuth2AuthorizedClientRefreshedEvent> {

	private final OAuth2UserService<OidcUserRequest, OidcUser> userService;

	private final JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory;

	private final CognitoAuthoritiesMapper authoritiesMapper;

	private final ApplicationEventPublisher publisher;

	private final SecurityContextHolderStrategy securityContextHolderStrategy = SecurityContextHolder
		.getContextHolderStrategy();

	RefreshedUserListener(OAuth2UserService<OidcUserRequest, OidcUser> userService,
			JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory, CognitoAuthoritiesMapper authoritiesMapper,
			ApplicationEventPublisher publisher) {
		this.userService = userService;
		this.idTokenDecoderFactory = idTokenDecoderFactory;
		this.authoritiesMapper = authoritiesMapper;
		this.publisher = publisher;
	}

	@Override
	public void onApplicationEvent(OAuth2AuthorizedClientRefreshedEvent event) {
		if (!(this.securityContextHolderStrategy.getContext()
			.getAuthentication() instanceof CognitoLoginAuthentication current)) {
			return;
		}
		OAuth2AuthenticationToken plain = new OAuth2AuthenticationToken(current.getPrincipal(),
				current.getAuthorities(), current.getAuthorizedClientRegistrationId());
		plain.setDetails(current.getDetails());
		OidcAuthorizedClientRefreshedEventListener spring = new OidcAuthorizedClientRefreshedEventListener();
		spring.setUserService(this.userService);
		spring.setJwtDecoderFactory(this.idTokenDecoderFactory);
		spring.setSecurityContextHolderStrategy(new FixedContext(new SecurityContextImpl(plain)));
		spring.setApplicationEventPublisher(new ApplicationEventPublisher() {

			@Override
			public void publishEvent(Object refreshed) {
				if (refreshed instanceof OidcUserRefreshedEvent user) {
					RefreshedUserListener.this.publisher.publishEvent(asCognito(user, event, current));
				}
			}

		});
		spring.onApplicationEvent(event);
	}

	private OidcUserRefreshedEvent asCognito(OidcUserRefreshedEvent refreshed,
			OAuth2AuthorizedClientRefreshedEvent event, CognitoLoginAuthentication current) {
		OAuth2AuthenticationToken plain = (OAuth2AuthenticationToken) refreshed.getAuthentication();
		ClientRegistration registration = event.getAuthorizedClient().getClientRegistration();
		CognitoLoginAuthentication authentication = CognitoLoginAuthentication.of(plain.getPrincipal(),
				plain.getAuthorities(), registration.getRegistrationId(), registration.getClientId(),
				event.getAccessTokenResponse().getAccessToken().getScopes(), this.authoritiesMapper,
				current.getSignedInAt());
		authentication.setDetails(plain.getDetails());
		return new OidcUserRefreshedEvent(refreshed.getAccessTokenResponse(), refreshed.getOldOidcUser(),
				refreshed.getNewOidcUser(), authentication);
	}

	/**
	 * The security context Spring's listener reads: the plain copy, never the real one.
	 */
	private record FixedContext(SecurityContext context) implements SecurityContextHolderStrategy {

		@Override
		public void clearContext() {
		}

		@Override
		public SecurityContext getContext() {
			return this.context;
		}

		@Override
		public void setContext(SecurityContext context) {
		}

		@Override
		public SecurityContext createEmptyContext() {
			return new SecurityContextImpl();
		}

	}

}
