package io.petstore.inbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@link InboxAccount} parameter: the caller may also sign in with the classic user's
 * username and password (HTTP Basic). {@code keyAccepted = false} demands the password, so a
 * leaked key cannot mint new keys.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@interface PasswordAccepted {

	boolean keyAccepted() default true;

}
