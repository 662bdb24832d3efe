/**
 * The sign-in brake: every place that checks a secret (a Modern API user's password on
 * {@code POST /v1/auth/tokens} and the OAuth2 login page, an OAuth2 client's secret, a classic
 * user's password on {@code /v2/apikey} and strict {@code /v2/user/login}) asks
 * {@link io.petstore.signin.SignInBrake} first. Failures are counted per account (or client id) and
 * per client address; past a threshold within a window the key is locked for a period that doubles
 * with each lock, and every attempt meanwhile is refused ({@link io.petstore.signin.SignInLocked},
 * which each API family answers as its own 429 with {@code Retry-After}) without checking the
 * secret. Lock-outs are audited. Owns {@code signin_brake}, shared by every instance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sign-in brake")
package io.petstore.signin;
