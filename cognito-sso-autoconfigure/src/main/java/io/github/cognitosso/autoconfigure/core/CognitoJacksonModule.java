package io.github.cognitosso.autoconfigure.core;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.Version;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.security.jackson.SecurityJacksonModule;
import org.springframework.security.jackson.SecurityJacksonModules;

/**
 * The Jackson 3 module for the one type the starter adds to a browser session: the
 * signed-in user ({@code CognitoLoginAuthentication}, inside the security context), and
 * the ID token's {@code iss} claim, a {@link URL}. The rest of what the session holds
 * (the ID token's user, the authorized client with its tokens, the authorization request
 * in flight, the saved request, the CSRF token) is Spring Security's and covered by its
 * own modules.
 * <p>
 * For sessions stored as JSON (Spring Session's
 * {@code springSessionDefaultRedisSerializer} bean), build the mapper from
 * {@link #modules(ClassLoader)}: Spring Security's modules, with this one's type allowed
 * by their type validator: <pre class="code">
 * JsonMapper mapper = JsonMapper.builder()
 *     .addModules(CognitoJacksonModule.modules(getClass().getClassLoader()))
 *     .build();
 * </pre>
 */
public final class CognitoJacksonModule extends SecurityJacksonModule {

	private static final long serialVersionUID = 1L;

	public CognitoJacksonModule() {
		super(CognitoJacksonModule.class.getName(), Version.unknownVersion());
	}

	/**
	 * Spring Security's Jackson modules found on the class path
	 * ({@link SecurityJacksonModules#getModules(ClassLoader, BasicPolymorphicTypeValidator.Builder)})
	 * and this one, with one type validator that allows the types of all of them.
	 * @param loader the class loader to find Spring Security's modules with
	 * @return the modules to add to a {@code JsonMapper}
	 */
	public static List<JacksonModule> modules(ClassLoader loader) {
		CognitoJacksonModule cognito = new CognitoJacksonModule();
		BasicPolymorphicTypeValidator.Builder validator = BasicPolymorphicTypeValidator.builder();
		cognito.configurePolymorphicTypeValidator(validator);
		List<JacksonModule> modules = new ArrayList<>(SecurityJacksonModules.getModules(loader, validator));
		modules.add(cognito);
		return modules;
	}

	/**
	 * Allows the starter's user and {@link URL}: Spring Security's ID-token decoder reads
	 * the {@code iss} claim as a {@code URL} (a plain value read from its string), which
	 * its own modules do not allow, so a session with an ID token could be written but
	 * not read.
	 */
	@Override
	public void configurePolymorphicTypeValidator(BasicPolymorphicTypeValidator.Builder builder) {
		builder.allowIfSubType(CognitoLoginAuthentication.class).allowIfSubType(URL.class);
	}

	@Override
	public void setupModule(SetupContext context) {
		context.setMixIn(CognitoLoginAuthentication.class, CognitoLoginAuthenticationMixin.class);
	}

}
