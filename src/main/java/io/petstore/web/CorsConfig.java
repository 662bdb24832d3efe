package io.petstore.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Browsers on other origins (Swagger Editor, tutorials' pages) may call every API, as they can on
 * the reference servers. One configuration, used twice: by Spring MVC's handlers and, as the bean
 * named {@code corsConfigurationSource}, by the security chains' CORS filter (which answers
 * preflights before authorization). Without that bean the filter asks Spring MVC's
 * {@code HandlerMappingIntrospector}, which looks the handler up a second time on every request
 * (14 % of the CPU of {@code GET /v1/pets/{id}}, docs/performance.md).
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig implements WebMvcConfigurer {

	static CorsConfiguration everyOrigin() {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOriginPatterns(List.of("*"));
		configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		configuration.setAllowedHeaders(List.of("*"));
		configuration.setExposedHeaders(List.of("X-Rate-Limit", "X-Expires-After", "Location"));
		return configuration;
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		CorsConfiguration configuration = everyOrigin();
		registry.addMapping("/**")
			.allowedOriginPatterns(configuration.getAllowedOriginPatterns().toArray(String[]::new))
			.allowedMethods(configuration.getAllowedMethods().toArray(String[]::new))
			.allowedHeaders(configuration.getAllowedHeaders().toArray(String[]::new))
			.exposedHeaders(configuration.getExposedHeaders().toArray(String[]::new));
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource() {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", everyOrigin());
		return source;
	}

}
