/**
 * The web pages for people: the storefront at {@code /store/} (browse, sign up and in, adopt and
 * pay, my orders, the pet-care advisor streamed from {@code /v1/chat/completions}, the support chat
 * over the WebSocket {@code /v1/ws/chat}) and the admin dashboard at {@code /admin/}, plain static
 * HTML, ES modules and CSS under {@code static/store/}, {@code static/admin/} and the shared
 * {@code static/app/}, calling the {@code /v1} API from the browser with a token from the OAuth2
 * authorization code flow with PKCE (the public client {@code petstore-web}, registered from
 * configuration by the {@code oauth} module). It owns no data and calls no other module: it serves
 * the pages' entry points ({@code /} redirects to the storefront; each app's {@code callback.html}
 * is its own page), and the Content-Security-Policy of {@code /store/**}, {@code /admin/**} and
 * {@code /app/**} ({@link io.petstore.pages.ContentSecurityPolicy}). See docs/web-pages.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web pages")
package io.petstore.pages;
