package io.petstore.classic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.XmlMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Classic-only web settings: the strict {@code api_key} check and ApiResponse's XML shape. */
@Configuration(proxyBeanMethods = false)
class ClassicWebConfig implements WebMvcConfigurer {

	private final boolean strictAuth;

	private final byte[] apiKey;

	ClassicWebConfig(@Value("${petstore.classic.strict-auth}") boolean strictAuth,
			@Value("${petstore.classic.api-key}") String apiKey) {
		this.strictAuth = strictAuth;
		this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		if (strictAuth) {
			registry.addInterceptor(new ApiKeyInterceptor()).addPathPatterns("/v2/**");
		}
	}

	@Bean
	XmlMapperBuilderCustomizer classicApiResponseXml() {
		return builder -> builder.addMixIn(ApiResponse.class, ApiResponse.XmlView.class);
	}

	private final class ApiKeyInterceptor implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(ApiKeyRequired.class)) {
				String key = request.getHeader("api_key");
				if (key == null) {
					throw new ClassicApiException(HttpStatus.UNAUTHORIZED, ApiResponse.of(401, "api_key header is required"));
				}
				if (!MessageDigest.isEqual(apiKey, key.getBytes(StandardCharsets.UTF_8))) {
					throw new ClassicApiException(HttpStatus.FORBIDDEN, ApiResponse.of(403, "api_key is not valid"));
				}
			}
			return true;
		}

	}

}
