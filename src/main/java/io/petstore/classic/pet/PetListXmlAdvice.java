package io.petstore.classic.pet;

import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** Writes lists of pets as {@code <pets><Pet>…</Pet></pets>} in XML; JSON stays a bare array. */
@ControllerAdvice(assignableTypes = PetController.class)
class PetListXmlAdvice implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		Class<?> type = returnType.getParameterType();
		return List.class.isAssignableFrom(type) || HttpEntity.class.isAssignableFrom(type);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body instanceof List<?> list && selectedContentType.getSubtype().endsWith("xml")) {
			return PetListXml.of((List<Pet>) list);
		}
		return body;
	}

}
