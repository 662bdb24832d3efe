package io.petstore.v1;

import java.util.Collection;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Refuses unknown properties in bodies of {@link StrictJson} types, wherever they are nested. */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfig {

	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return builder -> builder.addHandler(new DeserializationProblemHandler() {
			@Override
			public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer,
					Object beanOrClass, String propertyName) {
				Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass == null ? null : beanOrClass.getClass();
				if (type != null && type.isAnnotationPresent(StrictJson.class)) {
					Collection<Object> known = deserializer == null ? null : deserializer.getKnownPropertyNames();
					throw UnrecognizedPropertyException.from(p, beanOrClass, propertyName, known);
				}
				return false;
			}
		});
	}

}
