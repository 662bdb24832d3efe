package io.petstore.web;

import java.lang.reflect.Method;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * An operation that answers without a body (a {@code void} handler, its 204 set by
 * {@code @ResponseStatus}, or {@code ResponseEntity<Void>}) matches whatever the client accepts: the
 * controllers' {@code produces = application/json} describes their bodies, and applied to a bodiless
 * DELETE it made Spring answer {@code Accept: application/problem+json} (the only media type the
 * document lists for those operations, its errors') with a 406. Errors still come in the API family's
 * format whatever {@code Accept} says: every {@link ApiErrorFormat} sets the Content-Type explicitly.
 */
@Configuration(proxyBeanMethods = false)
class BodilessAnswers implements WebMvcRegistrations {

	@Override
	public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
		return new RequestMappingHandlerMapping() {

			@Override
			protected RequestMappingInfo getMappingForMethod(Method method, Class<?> handlerType) {
				RequestMappingInfo info = super.getMappingForMethod(method, handlerType);
				if (info == null || info.getProducesCondition().isEmpty() || !bodiless(method)) {
					return info;
				}
				return info.mutate().produces().build();
			}

		};
	}

	static boolean bodiless(Method method) {
		Class<?> type = method.getReturnType();
		if (type == void.class || type == Void.class) {
			return true;
		}
		return ResponseEntity.class.equals(type)
				&& ResolvableType.forMethodReturnType(method).getGeneric(0).resolve() == Void.class;
	}

}
