package io.petstore.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Nimbus (through Spring Security) signs and verifies tokens. Only RS256 with one of our keys is
 * accepted: {@code alg: none}, HMAC-signed forgeries and unknown keys fail, as do expired tokens
 * (beyond {@code petstore.auth.clock-skew}) and, when an issuer is configured, tokens of another
 * issuer. The same encoder signs the authorization server's tokens.
 */
@Configuration(proxyBeanMethods = false)
class JwtConfig {

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		JWKSource<SecurityContext> signing = (selector, context) -> selector.select(new JWKSet(keys.signingKey()));
		return new NimbusJwtEncoder(signing);
	}

	/**
	 * Every key (private parts included): the authorization server's JWK Set endpoint publishes
	 * their public halves.
	 */
	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
		return (selector, context) -> selector.select(keys.allKeys());
	}

	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, Issuer issuer, ObjectProvider<OAuth2TokenValidator<Jwt>> extraValidators,
			@Value("${petstore.auth.clock-skew:60s}") Duration clockSkew) {
		JWKSource<SecurityContext> verification = (JWKSelector selector, SecurityContext context) -> {
			String kid = selector.getMatcher().getKeyIDs() == null || selector.getMatcher().getKeyIDs().isEmpty() ? null
					: selector.getMatcher().getKeyIDs().iterator().next();
			return selector.select(keys.verificationKeys(kid));
		};
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, verification));
		processor.setJWTClaimsSetVerifier((claims, context) -> {
			// validated below by Spring Security's validators
		});
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		java.util.List<OAuth2TokenValidator<Jwt>> validators = new java.util.ArrayList<>();
		validators.add(new JwtTimestampValidator(clockSkew));
		if (issuer.configured() != null) {
			validators.add(new JwtIssuerValidator(issuer.configured()));
		}
		else {
			validators.add(new JwtClaimValidator<Object>("iss", iss -> iss != null && !iss.toString().isBlank()));
		}
		validators.add(new JwtClaimValidator<String>(TokenService.TENANT_CLAIM, tid -> tid != null && !tid.isBlank()));
		extraValidators.orderedStream().forEach(validators::add);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return decoder;
	}

}
