package io.petstore.v1;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every constraint the document puts on a {@code /v1} operation's query, path and header parameters
 * ({@code type} integer, number or boolean, {@code minimum}, {@code maximum}, their exclusive forms,
 * {@code minLength}, {@code maxLength}, {@code enum} (exact, as the document spells the values),
 * {@code pattern}, {@code format} uuid, date and date-time) is checked here, read from the served
 * document, so what the document says and what the server enforces cannot drift apart: a violation is
 * a 400 problem that names the parameter. Runs after the caller checks ({@code auth.CallersFirst},
 * {@code admin.AdminOnly}: a refused caller still gets 401 or 403 first) and before any argument is
 * read. An absent parameter, or a blank one without {@code minLength}, is left to the operation (the
 * document's defaults apply). The controllers keep parsing the values they use ({@link QueryParams},
 * {@link Ids}, {@link PageRequest}).
 */
@Configuration(proxyBeanMethods = false)
class DocumentedParameters implements WebMvcConfigurer, HandlerInterceptor {

	private static final Pattern UUID = Pattern
		.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

	private static final String PREFIX = "/v1";

	record Parameter(String name, String in, JsonNode schema, Pattern pattern) {
	}

	/** "GET /pets/{id}" (the document's path) to its parameters. */
	private final Map<String, List<Parameter>> operations = new HashMap<>();

	DocumentedParameters(ModernApiDocument document, JsonMapper mapper) {
		JsonNode root = mapper.readTree(document.servedJson());
		for (var path : root.get("paths").properties()) {
			JsonNode item = path.getValue();
			for (var entry : item.properties()) {
				if (!entry.getValue().isObject() || !entry.getValue().has("responses")) {
					continue;
				}
				List<Parameter> parameters = new ArrayList<>();
				collect(root, item.get("parameters"), parameters);
				collect(root, entry.getValue().get("parameters"), parameters);
				operations.put(entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), parameters);
			}
		}
	}

	private static void collect(JsonNode root, JsonNode list, List<Parameter> into) {
		if (list == null) {
			return;
		}
		for (JsonNode parameter : list) {
			JsonNode p = resolve(root, parameter);
			JsonNode schema = resolve(root, p.get("schema"));
			if (schema == null) {
				continue;
			}
			into.removeIf(existing -> existing.name().equals(p.get("name").asString()) && existing.in().equals(p.get("in").asString()));
			into.add(new Parameter(p.get("name").asString(), p.get("in").asString(), schema,
					schema.has("pattern") ? Pattern.compile(schema.get("pattern").asString()) : null));
		}
	}

	private static JsonNode resolve(JsonNode root, JsonNode node) {
		while (node != null && node.has("$ref")) {
			node = root.at(node.get("$ref").asString().substring(1));
		}
		return node;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// after the interceptors with the default order (the caller checks)
		registry.addInterceptor(this).addPathPatterns(PREFIX + "/**").order(Ordered.LOWEST_PRECEDENCE);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod)
				|| !(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern)
				|| !pattern.startsWith(PREFIX + "/")) {
			return true;
		}
		List<Parameter> parameters = operations.get(request.getMethod() + " " + pattern.substring(PREFIX.length()));
		if (parameters == null) {
			return true;
		}
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		for (Parameter parameter : parameters) {
			String value = switch (parameter.in()) {
				case "query" -> request.getParameter(parameter.name());
				case "header" -> request.getHeader(parameter.name());
				case "path" -> variables == null ? null : variables.get(parameter.name());
				default -> null;
			};
			if (value != null && !(value.isBlank() && !parameter.schema().has("minLength"))) {
				check(parameter, value);
			}
		}
		return true;
	}

	static void check(Parameter parameter, String value) {
		JsonNode schema = parameter.schema();
		String type = type(schema);
		String problem = null;
		if (type.equals("integer") || type.equals("number")) {
			problem = number(schema, value, type.equals("integer"));
		}
		else if (type.equals("boolean")) {
			problem = value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null : "must be true or false";
		}
		else {
			problem = string(parameter, value);
		}
		if (problem == null && schema.has("enum")) {
			boolean listed = false;
			for (JsonNode allowed : schema.get("enum")) {
				listed |= allowed.asString().equals(value);
			}
			if (!listed) {
				List<String> names = new ArrayList<>();
				schema.get("enum").forEach(allowed -> names.add(allowed.asString()));
				problem = "must be one of: " + String.join(", ", names);
			}
		}
		if (problem != null) {
			throw DomainException.badRequest("Invalid value for parameter '" + parameter.name() + "': " + problem + ".");
		}
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.get("type");
		if (type == null) {
			return "string";
		}
		if (type.isArray()) {
			for (JsonNode t : type) {
				if (!t.asString().equals("null")) {
					return t.asString();
				}
			}
			return "string";
		}
		return type.asString();
	}

	private static String number(JsonNode schema, String value, boolean integer) {
		BigDecimal number;
		try {
			number = new BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			return integer ? "must be an integer" : "must be a number";
		}
		if (integer && number.stripTrailingZeros().scale() > 0) {
			return "must be an integer";
		}
		if (schema.has("minimum") && number.compareTo(schema.get("minimum").decimalValue()) < 0) {
			return "must be " + schema.get("minimum").asString() + " or more";
		}
		if (schema.has("maximum") && number.compareTo(schema.get("maximum").decimalValue()) > 0) {
			return "must be " + schema.get("maximum").asString() + " or less";
		}
		if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()
				&& number.compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0) {
			return "must be more than " + schema.get("exclusiveMinimum").asString();
		}
		if (schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").isNumber()
				&& number.compareTo(schema.get("exclusiveMaximum").decimalValue()) >= 0) {
			return "must be less than " + schema.get("exclusiveMaximum").asString();
		}
		return null;
	}

	private static String string(Parameter parameter, String value) {
		JsonNode schema = parameter.schema();
		int length = value.codePointCount(0, value.length());
		if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
			return "at least " + schema.get("minLength").asInt() + " characters";
		}
		if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
			return "at most " + schema.get("maxLength").asInt() + " characters";
		}
		if (parameter.pattern() != null && !parameter.pattern().matcher(value).find()) {
			return "must match " + parameter.pattern().pattern();
		}
		String format = schema.has("format") ? schema.get("format").asString() : "";
		switch (format) {
			case "uuid" -> {
				return UUID.matcher(value).matches() ? null : "must be a UUID";
			}
			case "date" -> {
				try {
					LocalDate.parse(value);
					return null;
				}
				catch (DateTimeParseException ex) {
					return "must be a date such as 2026-11-23";
				}
			}
			case "date-time" -> {
				try {
					OffsetDateTime.parse(value);
					return null;
				}
				catch (DateTimeParseException ex) {
					return "must be an RFC 3339 date-time such as 2026-11-23T10:00:00Z";
				}
			}
			default -> {
				return null;
			}
		}
	}

}
