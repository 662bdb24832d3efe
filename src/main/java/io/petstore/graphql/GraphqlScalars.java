package io.petstore.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The schema's scalars (UUID, DateTime, Date, Money, JSON) and the type resolver of the
 * {@code PaymentSource} union. DateTime is written as REST writes it (RFC 3339, UTC, milliseconds);
 * Money is a decimal string in and out (its form is checked by the input records' validation, so
 * that a bad amount is a field error as in REST's 422).
 */
@Configuration(proxyBeanMethods = false)
class GraphqlScalars {

	@Bean
	RuntimeWiringConfigurer petstoreScalars(JsonMapper json) {
		return wiring -> wiring.scalar(uuid())
			.scalar(dateTime())
			.scalar(date())
			.scalar(money())
			.scalar(json(json))
			.type("PaymentSource", type -> type.typeResolver(env -> {
				Object source = env.getObject();
				String object = source instanceof Map<?, ?> map ? String.valueOf(map.get("object")) : "";
				return env.getSchema().getObjectType("card".equals(object) ? "CardSource" : "BankAccountSource");
			}));
	}

	static GraphQLScalarType uuid() {
		return GraphQLScalarType.newScalar().name("UUID").coercing(new Coercing<UUID, String>() {
			@Override
			public String serialize(Object value, GraphQLContext context, java.util.Locale locale) {
				if (value instanceof UUID || value instanceof String) {
					return value.toString();
				}
				throw new CoercingSerializeException("Not a UUID: " + value.getClass().getSimpleName());
			}

			@Override
			public UUID parseValue(Object input, GraphQLContext context, java.util.Locale locale) {
				return parse(input, CoercingParseValueException::new);
			}

			@Override
			public UUID parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, java.util.Locale locale) {
				if (input instanceof StringValue string) {
					return parse(string.getValue(), CoercingParseLiteralException::new);
				}
				throw new CoercingParseLiteralException("Expected a UUID string.");
			}

			private <E extends RuntimeException> UUID parse(Object input, java.util.function.Function<String, E> error) {
				if (input instanceof UUID id) {
					return id;
				}
				if (input instanceof String text && text.length() == 36) {
					try {
						return UUID.fromString(text);
					}
					catch (IllegalArgumentException ex) {
						// fall through
					}
				}
				throw error.apply("Expected a UUID such as 0190a1b2-0000-7000-8000-000000000001.");
			}
		}).build();
	}

	static GraphQLScalarType dateTime() {
		return GraphQLScalarType.newScalar().name("DateTime").coercing(new Coercing<Instant, String>() {
			@Override
			public String serialize(Object value, GraphQLContext context, java.util.Locale locale) {
				if (value instanceof Instant instant) {
					return instant.toString();
				}
				if (value instanceof OffsetDateTime time) {
					return time.toInstant().toString();
				}
				if (value instanceof String text) {
					return text;
				}
				throw new CoercingSerializeException("Not a date-time: " + value.getClass().getSimpleName());
			}

			@Override
			public Instant parseValue(Object input, GraphQLContext context, java.util.Locale locale) {
				return parse(input, CoercingParseValueException::new);
			}

			@Override
			public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, java.util.Locale locale) {
				if (input instanceof StringValue string) {
					return parse(string.getValue(), CoercingParseLiteralException::new);
				}
				throw new CoercingParseLiteralException("Expected an RFC 3339 date-time string.");
			}

			private <E extends RuntimeException> Instant parse(Object input, java.util.function.Function<String, E> error) {
				if (input instanceof String text && text.length() <= 64) {
					try {
						return OffsetDateTime.parse(text).toInstant();
					}
					catch (DateTimeParseException ex) {
						// fall through
					}
				}
				throw error.apply("Expected an RFC 3339 date-time such as 2026-12-01T10:15:30Z.");
			}
		}).build();
	}

	static GraphQLScalarType date() {
		return GraphQLScalarType.newScalar().name("Date").coercing(new Coercing<LocalDate, String>() {
			@Override
			public String serialize(Object value, GraphQLContext context, java.util.Locale locale) {
				if (value instanceof LocalDate || value instanceof String) {
					return value.toString();
				}
				throw new CoercingSerializeException("Not a date: " + value.getClass().getSimpleName());
			}

			@Override
			public LocalDate parseValue(Object input, GraphQLContext context, java.util.Locale locale) {
				return parse(input, CoercingParseValueException::new);
			}

			@Override
			public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, java.util.Locale locale) {
				if (input instanceof StringValue string) {
					return parse(string.getValue(), CoercingParseLiteralException::new);
				}
				throw new CoercingParseLiteralException("Expected an ISO 8601 date string.");
			}

			private <E extends RuntimeException> LocalDate parse(Object input, java.util.function.Function<String, E> error) {
				if (input instanceof String text && text.length() <= 32) {
					try {
						return LocalDate.parse(text);
					}
					catch (DateTimeParseException ex) {
						// fall through
					}
				}
				throw error.apply("Expected an ISO 8601 date such as 2026-12-01.");
			}
		}).build();
	}

	static GraphQLScalarType money() {
		return GraphQLScalarType.newScalar().name("Money").coercing(new Coercing<String, String>() {
			@Override
			public String serialize(Object value, GraphQLContext context, java.util.Locale locale) {
				if (value instanceof String text) {
					return text;
				}
				if (value instanceof java.math.BigDecimal amount) {
					return io.petstore.v1.Money.format(amount);
				}
				throw new CoercingSerializeException("Not an amount: " + value.getClass().getSimpleName());
			}

			@Override
			public String parseValue(Object input, GraphQLContext context, java.util.Locale locale) {
				if (input instanceof String text) {
					return text;
				}
				throw new CoercingParseValueException("Expected a decimal string such as \"250.00\" (not a number).");
			}

			@Override
			public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, java.util.Locale locale) {
				if (input instanceof StringValue string) {
					return string.getValue();
				}
				throw new CoercingParseLiteralException("Expected a decimal string such as \"250.00\" (not a number).");
			}
		}).build();
	}

	static GraphQLScalarType json(JsonMapper mapper) {
		return GraphQLScalarType.newScalar().name("JSON").coercing(new Coercing<Object, Object>() {
			@Override
			public Object serialize(Object value, GraphQLContext context, java.util.Locale locale) {
				if (value instanceof JsonNode node) {
					return mapper.convertValue(node, Object.class);
				}
				return value;
			}

			@Override
			public Object parseValue(Object input, GraphQLContext context, java.util.Locale locale) {
				return input;
			}

			@Override
			public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, java.util.Locale locale) {
				return literal(input, variables);
			}

			private Object literal(Value<?> input, CoercedVariables variables) {
				if (input instanceof StringValue v) {
					return v.getValue();
				}
				if (input instanceof IntValue v) {
					return v.getValue();
				}
				if (input instanceof FloatValue v) {
					return v.getValue();
				}
				if (input instanceof BooleanValue v) {
					return v.isValue();
				}
				if (input instanceof NullValue) {
					return null;
				}
				if (input instanceof ArrayValue v) {
					return v.getValues().stream().map(item -> literal(item, variables)).toList();
				}
				if (input instanceof ObjectValue v) {
					Map<String, Object> map = new java.util.LinkedHashMap<>();
					v.getObjectFields().forEach(field -> map.put(field.getName(), literal(field.getValue(), variables)));
					return map;
				}
				if (input instanceof graphql.language.VariableReference ref) {
					return variables.get(ref.getName());
				}
				throw new CoercingParseLiteralException("Not a JSON value.");
			}
		}).build();
	}

}
