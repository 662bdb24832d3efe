/**
 * The Modern Pet Store over SOAP 1.1 and 1.2 at {@code /v1/soap} (Spring Web Services,
 * contract-first): the hand-written WSDL and XSD of {@code src/main/resources/soap/}, served at
 * {@code /v1/soap/petstore.wsdl} (addresses made absolute from the request) and
 * {@code /v1/soap/petstore-types.xsd}; JAXB classes generated from the XSD ({@code soap.xml}).
 * One endpoint per area ({@link io.petstore.soap.PetSoapEndpoint}, {@link io.petstore.soap.OrderSoapEndpoint},
 * {@link io.petstore.soap.InventorySoapEndpoint}); each operation opens its call through
 * {@code auth.CallContexts} from the HTTP headers ({@link io.petstore.soap.SoapCalls}) and calls the
 * module APIs; {@code v1.DomainException} kinds become faults in one place
 * ({@link io.petstore.soap.SoapFaults}); requests are parsed without DTDs ({@link io.petstore.soap.SoapMessages}).
 * Owns no tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SOAP adapter")
package io.petstore.soap;
