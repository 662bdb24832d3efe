package io.petstore.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.web.servlet.function.AsyncServerResponse;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * How a GraphQL request runs, measured (docs/performance.md, issue 20): {@code pet(id:)} cost
 * nine times the CPU of {@code GET /v1/pets/{id}}, in three places changed here.
 * <ul>
 * <li>Each data fetcher ran on a new task of the application executor (what Spring for GraphQL
 * does for blocking controller methods when virtual threads are on), so the answer completed on
 * another thread and Spring MVC dispatched the request a second time (asynchronously) to write
 * it. The request already runs on its own (virtual) thread: the controllers are called on it, and
 * the HTTP handler waits for the answer and writes it in the same dispatch.</li>
 * <li>Each request parsed and validated its document again: documents that parsed and validated
 * without errors are kept ({@value #DOCUMENTS} of them, by their text). The depth and complexity
 * limits ({@link GraphqlLimits}) are checked when an operation starts, with its variables, so a
 * kept document is still checked every time; the parser's size limits were checked when it was
 * parsed, and the text is the key.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class GraphqlExecution {

	static final int DOCUMENTS = 1000;

	/** Documents that parsed and validated without errors, by their text. */
	static final class KeptDocuments implements PreparsedDocumentProvider {

		private final Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder().maximumSize(DOCUMENTS).build();

		@Override
		public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
				Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
			String text = input.getQuery();
			PreparsedDocumentEntry kept = documents.getIfPresent(text);
			if (kept == null) {
				kept = parseAndValidate.apply(input);
				if (!kept.hasErrors()) {
					documents.put(text, kept);
				}
			}
			return CompletableFuture.completedFuture(kept);
		}

	}

	@Bean
	GraphQlSourceBuilderCustomizer graphqlKeptDocuments() {
		KeptDocuments documents = new KeptDocuments();
		return builder -> builder.configureGraphQl(graphql -> graphql.preparsedDocumentProvider(documents));
	}

	/** Controller methods are called on the request's thread, never handed to an executor. */
	@Bean
	static BeanPostProcessor graphqlControllersOnRequestThread() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof AnnotatedControllerConfigurer configurer) {
					configurer.setBlockingMethodPredicate(method -> false);
				}
				return bean;
			}
		};
	}

	/** Spring for GraphQL's HTTP handler, answering in the request's own dispatch. */
	@Bean
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler) {
		return new GraphQlHttpHandler(handler) {
			@Override
			protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> answer) {
				ServerResponse response = super.prepareResponse(request, answer);
				return response instanceof AsyncServerResponse async ? async.block() : response;
			}
		};
	}

}
