package io.petstore.classic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class ClassicSecurityConfig {

	/** Spring Security's delegating encoder: bcrypt today, upgradable by its {id} prefix. */
	@Bean
	PasswordEncoder classicPasswordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
