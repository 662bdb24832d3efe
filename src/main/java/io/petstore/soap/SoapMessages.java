package io.petstore.soap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.soap.SOAPConstants;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import org.springframework.ws.InvalidXmlException;
import org.springframework.ws.WebServiceMessageFactory;
import org.springframework.ws.soap.SoapMessage;
import org.springframework.ws.soap.SoapVersion;
import org.springframework.ws.soap.saaj.SaajSoapMessageFactory;
import org.springframework.ws.transport.TransportInputStream;
import org.springframework.ws.transport.context.TransportContext;
import org.springframework.ws.transport.context.TransportContextHolder;
import org.springframework.ws.transport.http.HttpServletConnection;

import io.petstore.v1.DomainException;
import io.petstore.web.RequestTooLargeException;

/**
 * The message factory of {@code /v1/soap}: SOAP 1.1 or 1.2 per request, chosen by its Content-Type
 * ({@code application/soap+xml} is 1.2, anything else 1.1), and the response in the same version.
 * Before SAAJ sees a request it is read (capped by {@code web.RequestSizeLimitFilter}) and parsed
 * once by a parser that refuses any DTD (so no external entities, no entity expansion: XXE and
 * billion laughs fail here) and checked to be an envelope of that version; each refusal is a
 * an {@link InvalidXmlException} whose cause is the
 * {@link DomainException} to answer, as a client fault ({@link SoapReceiverAdapter}).
 */
class SoapMessages implements WebServiceMessageFactory {

	private final SaajSoapMessageFactory soap11 = new SaajSoapMessageFactory();

	private final SaajSoapMessageFactory soap12 = new SaajSoapMessageFactory();

	private final DocumentBuilderFactory parsers;

	SoapMessages() throws ParserConfigurationException {
		soap11.setSoapVersion(SoapVersion.SOAP_11);
		soap11.afterPropertiesSet();
		soap12.setSoapVersion(SoapVersion.SOAP_12);
		soap12.afterPropertiesSet();
		parsers = DocumentBuilderFactory.newInstance();
		parsers.setNamespaceAware(true);
		parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		parsers.setFeature("http://xml.org/sax/features/external-general-entities", false);
		parsers.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		parsers.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		parsers.setXIncludeAware(false);
		parsers.setExpandEntityReferences(false);
		parsers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		parsers.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
	}

	/** Whether the request speaks SOAP 1.2 (its Content-Type is {@code application/soap+xml}). */
	static boolean soap12(HttpServletRequest request) {
		String type = request == null ? null : request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith(SOAPConstants.SOAP_1_2_CONTENT_TYPE);
	}

	/** An empty message in the version of the request being served (a response). */
	@Override
	public SoapMessage createWebServiceMessage() {
		return create(soap12(currentRequest()));
	}

	/** An empty message of that version. */
	SoapMessage create(boolean soap12) {
		return soap12 ? this.soap12.createWebServiceMessage() : soap11.createWebServiceMessage();
	}

	@Override
	public SoapMessage createWebServiceMessage(InputStream input) throws IOException {
		boolean soap12 = soap12(currentRequest());
		byte[] body;
		try {
			body = input.readAllBytes();
		}
		catch (RequestTooLargeException tooLarge) {
			throw refuse(DomainException.tooLarge("The request body is too large: " + tooLarge.getMessage() + "."));
		}
		Element root = parse(body).getDocumentElement();
		String expected = soap12 ? SOAPConstants.URI_NS_SOAP_1_2_ENVELOPE : SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE;
		if (!"Envelope".equals(root.getLocalName()) || !expected.equals(root.getNamespaceURI())) {
			throw refuse(DomainException.badRequest("The request is not a SOAP " + (soap12 ? "1.2" : "1.1")
					+ " envelope: expected {" + expected + "}Envelope (Content-Type "
					+ (soap12 ? "application/soap+xml for SOAP 1.2" : "text/xml for SOAP 1.1") + ")."));
		}
		try {
			return (soap12 ? this.soap12 : soap11).createWebServiceMessage(new Replay(input, body));
		}
		catch (InvalidXmlException | org.springframework.ws.soap.SoapMessageCreationException unreadable) {
			throw refuse(DomainException.badRequest("The request is not a readable SOAP message."));
		}
	}

	private org.w3c.dom.Document parse(byte[] body) throws IOException {
		try {
			DocumentBuilder parser = parsers.newDocumentBuilder();
			parser.setErrorHandler(new DefaultHandler() {

				@Override
				public void fatalError(org.xml.sax.SAXParseException ex) throws SAXException {
					throw ex;
				}

			});
			parser.setEntityResolver((publicId, systemId) -> new org.xml.sax.InputSource(new ByteArrayInputStream(new byte[0])));
			return parser.parse(new ByteArrayInputStream(body));
		}
		catch (SAXException malformed) {
			String text = String.valueOf(malformed.getMessage());
			String detail = text.contains("DOCTYPE") ? "XML with a DTD (<!DOCTYPE or <!ENTITY) is not accepted."
					: "The request is not well-formed XML: " + text;
			throw refuse(DomainException.badRequest(detail));
		}
		catch (ParserConfigurationException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static InvalidXmlException refuse(DomainException reason) {
		return new InvalidXmlException(reason.getMessage(), reason);
	}

	private static HttpServletRequest currentRequest() {
		TransportContext context = TransportContextHolder.getTransportContext();
		return context != null && context.getConnection() instanceof HttpServletConnection http ? http.getHttpServletRequest()
				: null;
	}

	/** The bytes already read, with the transport's headers (SAAJ reads the Content-Type from them). */
	private static final class Replay extends TransportInputStream {

		private final InputStream original;

		private final byte[] body;

		Replay(InputStream original, byte[] body) {
			this.original = original;
			this.body = body;
		}

		@Override
		protected InputStream createInputStream() {
			return new ByteArrayInputStream(body);
		}

		@Override
		public Iterator<String> getHeaderNames() throws IOException {
			return original instanceof TransportInputStream transport ? transport.getHeaderNames() : Collections.emptyIterator();
		}

		@Override
		public Iterator<String> getHeaders(String name) throws IOException {
			return original instanceof TransportInputStream transport ? transport.getHeaders(name) : Collections.emptyIterator();
		}

	}

}
