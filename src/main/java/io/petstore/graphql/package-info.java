/**
 * The Modern Pet Store API over GraphQL at {@code /v1/graphql}: the hand-written SDL of
 * {@code src/main/resources/graphql/schema.graphqls} (served at {@code /v1/graphql/schema.graphqls}),
 * queries and mutations over HTTP, subscriptions over WebSocket (graphql-ws) on the same path,
 * GraphiQL at {@code /v1/graphiql}. An adapter only: credentials become a call context through
 * {@code auth.CallContexts} ({@link io.petstore.graphql.GraphqlCredentials}), every operation calls
 * the module APIs within it (scopes, roles and ownership are checked there), domain errors become
 * GraphQL errors with a classification ({@link io.petstore.graphql.GraphqlErrors}), subscriptions
 * listen to {@code live.LiveEvents}. One controller per area: {@code PetGraphqlController},
 * {@code OrderGraphqlController} (orders and payments), {@code AccountGraphqlController},
 * {@code WebhookGraphqlController}, {@code AdminGraphqlController}. Owns no tables; its API is
 * the GraphQL schema.
 */
@org.springframework.modulith.ApplicationModule(displayName = "GraphQL adapter")
package io.petstore.graphql;
