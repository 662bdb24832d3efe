package io.petstore.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.parser.ParserOptions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.petstore.v1.PageRequest;

/**
 * What one GraphQL request may ask for, refused with an error before anything runs: the document's
 * size ({@link #MAX_CHARACTERS} characters, {@link #MAX_TOKENS} tokens), its depth
 * ({@link #MAX_DEPTH}) and its complexity ({@link #MAX_COMPLEXITY}: each field counts 1 plus its
 * selections, a page's selections once per item it may hold, its {@code limit}). Page sizes are
 * REST's ({@link PageRequest#MAX_LIMIT}).
 */
@Configuration(proxyBeanMethods = false)
class GraphqlLimits {

	static final int MAX_DEPTH = 12;

	static final int MAX_COMPLEXITY = 5000;

	static final int MAX_CHARACTERS = 100_000;

	static final int MAX_TOKENS = 15_000;

	static final ParserOptions PARSER = ParserOptions.getDefaultOperationParserOptions()
		.transform(options -> options.maxCharacters(MAX_CHARACTERS).maxTokens(MAX_TOKENS).maxWhitespaceTokens(200_000).maxRuleDepth(200));

	@Bean
	MaxQueryDepthInstrumentation graphqlMaxDepth() {
		return new MaxQueryDepthInstrumentation(MAX_DEPTH);
	}

	@Bean
	MaxQueryComplexityInstrumentation graphqlMaxComplexity() {
		FieldComplexityCalculator perItem = (environment, childComplexity) -> {
			Object limit = environment.getArguments().get("limit");
			int items = limit instanceof Integer n ? Math.max(1, Math.min(n, PageRequest.MAX_LIMIT)) : 1;
			if (limit == null && environment.getFieldDefinition().getArgument("limit") != null) {
				items = PageRequest.DEFAULT_LIMIT;
			}
			return 1 + childComplexity * items;
		};
		return new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY, perItem);
	}

}
