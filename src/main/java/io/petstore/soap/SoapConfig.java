package io.petstore.soap;

import javax.xml.parsers.ParserConfigurationException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.oxm.jaxb.Jaxb2Marshaller;
import org.springframework.ws.transport.http.MessageDispatcherServlet;
import org.springframework.ws.wsdl.wsdl11.SimpleWsdl11Definition;
import org.springframework.xml.xsd.SimpleXsdSchema;

import io.petstore.apidocs.ApiDocument;

/**
 * Spring WS within Boot's auto-configuration (no {@code @EnableWs}, which would switch it off): the
 * servlet at {@code spring.webservices.path} ({@code /v1/soap}) finds these beans by name: the
 * message factory, the receiving adapter, the WSDL's adapter, the WSDL ({@code petstore} -> {@code /v1/soap/petstore.wsdl})
 * and the XSD ({@code petstore-types} -> {@code /v1/soap/petstore-types.xsd}).
 */
@Configuration(proxyBeanMethods = false)
class SoapConfig {

	/** The namespace of every payload element (petstore-types.xsd). */
	static final String NAMESPACE = "https://petstoreapi.com/soap/v1";

	@Bean(MessageDispatcherServlet.DEFAULT_MESSAGE_FACTORY_BEAN_NAME)
	SoapMessages messageFactory() throws ParserConfigurationException {
		return new SoapMessages();
	}

	@Bean(MessageDispatcherServlet.DEFAULT_MESSAGE_RECEIVER_HANDLER_ADAPTER_BEAN_NAME)
	SoapReceiverAdapter messageReceiverHandlerAdapter(SoapMessages messages, SoapFaults faults) {
		return new SoapReceiverAdapter(messages, faults);
	}

	/**
	 * The JAXB classes of petstore-types.xsd. Strict: a payload that does not fit (an unknown element,
	 * a number that is not one) is refused instead of read as zero or null.
	 */
	@Bean
	Jaxb2Marshaller soapMarshaller() {
		Jaxb2Marshaller marshaller = new Jaxb2Marshaller();
		marshaller.setPackagesToScan("io.petstore.soap.xml");
		marshaller.setValidationEventHandler(event -> false);
		return marshaller;
	}

	@Bean
	SoapFaults soapFaults(Jaxb2Marshaller soapMarshaller) {
		return new SoapFaults(soapMarshaller);
	}

	@Bean(MessageDispatcherServlet.DEFAULT_WSDL_DEFINITION_HANDLER_ADAPTER_BEAN_NAME)
	SoapWsdlAdapter wsdlDefinitionHandlerAdapter() {
		return new SoapWsdlAdapter();
	}

	/** {@code /v1/soap/petstore.wsdl}, its addresses made absolute ({@code transformWsdlLocations}). */
	@Bean("petstore")
	SimpleWsdl11Definition petstoreWsdl() {
		return new SimpleWsdl11Definition(new ClassPathResource("soap/petstore.wsdl"));
	}

	@Bean("petstore-types")
	SimpleXsdSchema petstoreXsd() {
		return new SimpleXsdSchema(new ClassPathResource("soap/petstore-types.xsd"));
	}

	@Bean
	static ApiDocument soapWsdlDocument() {
		return new ApiDocument("Modern Pet Store over SOAP (WSDL)", "/v1/soap/petstore.wsdl", 40, "wsdl");
	}

	@Bean
	static ApiDocument soapXsdDocument() {
		return new ApiDocument("SOAP payloads (XSD)", "/v1/soap/petstore-types.xsd", 41, "xsd");
	}

}
