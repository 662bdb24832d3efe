package io.petstore.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses XML request bodies that carry a DTD ({@code <!DOCTYPE} or {@code <!ENTITY}) with a 400.
 * The XML parser is also configured never to read DTDs or external entities ({@link JacksonConfig});
 * this makes the refusal explicit instead of silently dropping the entities.
 */
@ControllerAdvice
class XmlDoctypeGuard extends RequestBodyAdviceAdapter {

	@Override
	public boolean supports(MethodParameter methodParameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		MediaType type = inputMessage.getHeaders().getContentType();
		if (type == null || !type.getSubtype().toLowerCase(Locale.ROOT).endsWith("xml")) {
			return inputMessage;
		}
		byte[] body = inputMessage.getBody().readAllBytes();
		String text = new String(body, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
		if (text.contains("<!DOCTYPE") || text.contains("<!ENTITY")) {
			throw new HttpMessageNotReadableException("XML with a DTD (<!DOCTYPE or <!ENTITY) is not accepted", inputMessage);
		}
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return inputMessage.getHeaders();
			}

		};
	}

}
