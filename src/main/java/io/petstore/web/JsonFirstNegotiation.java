package io.petstore.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Content negotiation on the Accept header in which JSON wins a tie: a client that accepts JSON and
 * XML with equal preference ({@code Accept: application/xml, application/json}, as openapi-generator's
 * Java {@code native} client sends for every operation that produces both) gets JSON. XML is chosen
 * only when the client prefers it by quality or accepts nothing else. RFC 9110 leaves ties to the
 * server; JSON is what such clients can parse.
 */
@Configuration(proxyBeanMethods = false)
public class JsonFirstNegotiation implements WebMvcConfigurer {

	private static final Comparator<MediaType> BY_QUALITY = Comparator.comparingDouble(MediaType::getQualityValue).reversed();

	@Override
	public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
		configurer.strategies(List.of(new AcceptHeaderStrategy()));
	}

	/** Not a bean itself: Spring Security wants exactly one ContentNegotiationStrategy bean (MVC's). */
	private static final class AcceptHeaderStrategy implements ContentNegotiationStrategy {

		@Override
		public List<MediaType> resolveMediaTypes(NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
			String[] values = request.getHeaderValues(HttpHeaders.ACCEPT);
			if (values == null || values.length == 0) {
				return MEDIA_TYPE_ALL_LIST;
			}
			try {
				return accepted(String.join(",", values));
			}
			catch (InvalidMediaTypeException ex) {
				throw new HttpMediaTypeNotAcceptableException("Could not parse 'Accept' header: " + ex.getMessage());
			}
		}

	}

	/** The Accept header's media types, most preferred first, JSON ahead of XML at equal preference. */
	public static List<MediaType> accepted(String acceptHeader) {
		List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(acceptHeader));
		MimeTypeUtils.sortBySpecificity(types);
		types.sort(BY_QUALITY.thenComparing(JsonFirstNegotiation::xmlLast));
		return types;
	}

	private static boolean xmlLast(MediaType type) {
		return type.getSubtype().endsWith("xml");
	}

}
