package io.petstore.web;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.dataformat.xml.XmlWriteFeature;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.XmlFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.XmlMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One JSON mapper and one XML mapper for all HTTP adapters. JSON keeps properties in declaration
 * order (records are declared in wire order); XML sorts them alphabetically, as JAXB did for the
 * classic reference server. Nulls are omitted. XML input never reads DTDs or external entities.
 */
@Configuration(proxyBeanMethods = false)
class JacksonConfig {

	/** Woodstox's {@code WstxOutputProperties.P_USE_DOUBLE_QUOTES_IN_XML_DECL}. */
	private static final String DOUBLE_QUOTES_IN_DECLARATION = "com.ctc.wstx.useDoubleQuotesInXmlDecl";

	@Bean
	JsonMapperBuilderCustomizer petstoreJson() {
		return builder -> builder
			.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL));
	}

	@Bean
	XmlMapperBuilderCustomizer petstoreXml() {
		return builder -> builder
			.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(XmlWriteFeature.WRITE_XML_DECLARATION)
			.enable(XmlWriteFeature.WRITE_STANDALONE_YES_TO_XML_DECLARATION)
			.changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL));
	}

	@Bean
	XmlFactoryBuilderCustomizer noExternalEntities() {
		return builder -> {
			XMLInputFactory input = XMLInputFactory.newFactory();
			input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
			input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
			input.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
			builder.xmlInputFactory(input);
			// the declaration as JAXB writes it (<?xml version="1.0" ...?>), not with single quotes
			XMLOutputFactory output = XMLOutputFactory.newFactory();
			if (output.isPropertySupported(DOUBLE_QUOTES_IN_DECLARATION)) {
				output.setProperty(DOUBLE_QUOTES_IN_DECLARATION, true);
			}
			builder.xmlOutputFactory(output);
		};
	}

}
