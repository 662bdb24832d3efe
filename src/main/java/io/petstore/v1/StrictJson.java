package io.petstore.v1;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request body type whose unknown properties are refused (the /v1 schemas say
 * {@code unevaluatedProperties: false}); the classic API keeps ignoring them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface StrictJson {
}
