package io.petstore.v1;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.petstore.generated.v1.ApiClient;
import io.petstore.generated.v1.ApiException;
import io.petstore.generated.v1.api.PaymentsApi;
import io.petstore.generated.v1.api.PetApi;
import io.petstore.generated.v1.api.StoreApi;
import io.petstore.generated.v1.api.UserApi;
import io.petstore.generated.v1.api.WebhooksApi;
import io.petstore.generated.v1.model.CardPaymentSource;
import io.petstore.generated.v1.model.EventType;
import io.petstore.generated.v1.model.Inventory;
import io.petstore.generated.v1.model.MedicalInfo;
import io.petstore.generated.v1.model.Order;
import io.petstore.generated.v1.model.OrderInput;
import io.petstore.generated.v1.model.OrderPayment;
import io.petstore.generated.v1.model.OrderPaymentInput;
import io.petstore.generated.v1.model.OrderStatus;
import io.petstore.generated.v1.model.PaymentSource;
import io.petstore.generated.v1.model.PaymentStatus;
import io.petstore.generated.v1.model.Pet;
import io.petstore.generated.v1.model.PetCollection;
import io.petstore.generated.v1.model.PetInput;
import io.petstore.generated.v1.model.PetSize;
import io.petstore.generated.v1.model.PetStatus;
import io.petstore.generated.v1.model.Registration;
import io.petstore.generated.v1.model.Species;
import io.petstore.generated.v1.model.Token;
import io.petstore.generated.v1.model.TokenRequest;
import io.petstore.generated.v1.model.User;
import io.petstore.generated.v1.model.UserInput;
import io.petstore.generated.v1.model.Webhook;
import io.petstore.generated.v1.model.WebhookCollection;
import io.petstore.generated.v1.model.WebhookInput;
import io.petstore.support.IntegrationTest;
import io.petstore.support.Receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drives the server with the Java client (openapi-generator, library {@code native}) generated in the
 * build from src/main/resources/api/modern-v1.yaml, the file served as /v1/openapi.json (see
 * {@code ApiDocumentsTest}), unchanged: a whole customer's flow from registration to deletion.
 */
class GeneratedV1ClientTest extends IntegrationTest {

	private static final String PASSWORD = "SecurePass123!";

	/** The bearer token the client sends (null: none); set as a user of the native client would. */
	private volatile String token;

	private UserApi users;

	private PetApi pets;

	private StoreApi store;

	private PaymentsApi payments;

	private WebhooksApi webhooks;

	private Receiver receiver;

	@BeforeEach
	void client() {
		ApiClient client = new ApiClient();
		client.updateBaseUri(base() + "/v1");
		client.setRequestInterceptor(request -> {
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
		});
		users = new UserApi(client);
		pets = new PetApi(client);
		store = new StoreApi(client);
		payments = new PaymentsApi(client);
		webhooks = new WebhooksApi(client);
		receiver = new Receiver();
	}

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void registerSignInBuyPayHookCountAndDelete() throws Exception {
		String username = "gen" + UUID.randomUUID().toString().substring(0, 8);

		// register: the answer carries the new account and a token
		Registration registered = users.createUser(new UserInput().username(username)
			.email(username + "@example.com")
			.firstName("Kyle")
			.lastName("Kihn")
			.password(PASSWORD)
			.phone("+18638982053"), tenant);
		assertThat(registered.getUsername()).isEqualTo(username);
		assertThat(registered.getTenantId()).isEqualTo(tenant);
		assertThat(registered.getPassword()).isNull();
		assertThat(registered.getToken()).isNotBlank();

		// sign in: a token of its own (the client sends "scopes": [], meaning all of the user's scopes)
		Token signedIn = users.createToken(new TokenRequest().username(username).password(PASSWORD), tenant);
		assertThat(signedIn.getToken()).isNotBlank();
		assertThat(signedIn.getExpiresAt()).isAfter(java.time.OffsetDateTime.now().plusHours(23));
		token = signedIn.getToken();
		User me = users.getUserById(registered.getId(), tenant);
		assertThat(me.getEmail()).isEqualTo(username + "@example.com");

		// a webhook for the order and payment events, delivered to a receiver on 127.0.0.1
		Webhook hook = webhooks.createWebhook(new WebhookInput().url(URI.create(receiver.url("/events")))
			.events(List.of(EventType.ORDER_CREATED, EventType.PAYMENT_SUCCEEDED))
			.description("generated client"), tenant);
		assertThat(hook.getSecret()).startsWith("whsec_");
		assertThat(hook.getActive()).isTrue();
		assertThat(hook.getEvents()).containsExactly(EventType.ORDER_CREATED, EventType.PAYMENT_SUCCEEDED);

		// pets: create two, read, update, list
		Pet rex = pets.createPet(pet("Rex", "120.00"), tenant);
		assertThat(rex.getId()).isNotNull();
		assertThat(rex.getStatus()).isEqualTo(PetStatus.AVAILABLE);
		assertThat(rex.getPrice()).isEqualTo("120.00");
		assertThat(rex.getMedicalInfo().getVaccinated()).isTrue();
		Pet spare = pets.createPet(pet("Spare", "5.00"), tenant);
		assertThat(pets.getPet(rex.getId(), tenant)).isEqualTo(rex);
		Pet renamed = pets.updatePet(spare.getId(), pet("Spare Two", "6.50"), tenant);
		assertThat(renamed.getName()).isEqualTo("Spare Two");
		assertThat(renamed.getPrice()).isEqualTo("6.50");
		PetCollection dogs = pets.listPets(tenant, "DOG", null, null, null, null, null, 1, 100);
		assertThat(dogs.getData()).extracting(Pet::getId).contains(rex.getId(), spare.getId());

		// order Rex: placed, the pet is reserved
		Order order = store.createOrder(new OrderInput().petId(rex.getId()), tenant);
		assertThat(order.getStatus()).isEqualTo(OrderStatus.PLACED);
		assertThat(order.getUserId()).isEqualTo(registered.getId());
		assertThat(order.getTotalAmount()).isEqualTo("120.00");
		assertThat(pets.getPet(rex.getId(), tenant).getStatus()).isEqualTo(PetStatus.PENDING);

		// pay with a test card: the order is approved, the pet adopted, the card number masked
		OrderPayment paid = payments.createOrderPayment(order.getId(), new OrderPaymentInput().amount("120.00")
			.source(new PaymentSource(new CardPaymentSource()._object(CardPaymentSource.ObjectEnum.CARD)
				.name("Kyle Kihn")
				.number("4242424242424242")
				.expMonth(12)
				.expYear(2031)
				.cvc("123"))), tenant, "gen-" + order.getId());
		assertThat(paid.getStatus()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(paid.getOrderId()).isEqualTo(order.getId());
		CardPaymentSource card = paid.getSource().getCardPaymentSource();
		assertThat(card.getLast4()).isEqualTo("4242");
		assertThat(card.getNumber()).isEqualTo("************4242");
		assertThat(card.getCvc()).isNull();
		assertThat(store.getOrder(order.getId(), tenant).getStatus()).isEqualTo(OrderStatus.APPROVED);
		assertThat(pets.getPet(rex.getId(), tenant).getStatus()).isEqualTo(PetStatus.ADOPTED);

		// the webhook saw both events
		assertThat(receiver.await(2, Duration.ofSeconds(20), r -> true)).extracting(Receiver.Request::body)
			.anySatisfy(body -> assertThat(body).contains("\"order.created\"").contains(order.getId().toString()))
			.anySatisfy(body -> assertThat(body).contains("\"payment.succeeded\"").contains(paid.getId().toString()));

		// list and delete the webhook
		WebhookCollection listed = webhooks.listWebhooks(1, 20, tenant);
		assertThat(listed.getPagination().getTotalItems()).isEqualTo(1);
		assertThat(listed.getData()).singleElement().satisfies(w -> {
			assertThat(w.getId()).isEqualTo(hook.getId());
			assertThat(w.getUrl()).isEqualTo(URI.create(receiver.url("/events")));
			assertThat(w.getSecret()).isNull();
		});
		webhooks.deleteWebhook(hook.getId(), tenant);
		assertThat(webhooks.listWebhooks(1, 20, tenant).getData()).isEmpty();
		assertThatThrownBy(() -> webhooks.getWebhook(hook.getId(), tenant)).isInstanceOfSatisfying(ApiException.class,
				ex -> assertThat(ex.getCode()).isEqualTo(404));

		// inventory of the tenant's catalog: the seeded pets plus Spare (available) and Rex (adopted)
		Inventory inventory = store.getStoreInventory(tenant);
		assertThat(inventory.getTotal()).isEqualTo(14);
		assertThat(inventory.getAvailable()).isEqualTo(10);
		assertThat(inventory.getAdopted()).isEqualTo(2);
		assertThat(inventory.getBySpecies()).containsEntry("DOG", 7);
		assertThat(store.getInventory(tenant, "ADOPTED")).containsExactlyEntriesOf(java.util.Map.of("ADOPTED", 2));

		// delete the spare pet, then the account: its token no longer signs in
		pets.deletePet(spare.getId(), tenant);
		assertThatThrownBy(() -> pets.getPet(spare.getId(), tenant)).isInstanceOfSatisfying(ApiException.class,
				ex -> assertThat(ex.getCode()).isEqualTo(404));
		users.deleteUser(registered.getId(), tenant);
		token = null;
		assertThatThrownBy(() -> users.createToken(new TokenRequest().username(username).password(PASSWORD), tenant))
			.isInstanceOfSatisfying(ApiException.class, ex -> {
				assertThat(ex.getCode()).isEqualTo(401);
				assertThat(ex.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
			});
	}

	@Test
	void errorsArriveAsApiExceptionsWithTheProblemDocument() {
		assertThatThrownBy(() -> store.createOrder(new OrderInput().petId(UUID.randomUUID()), tenant))
			.isInstanceOfSatisfying(ApiException.class, ex -> {
				assertThat(ex.getCode()).isEqualTo(401);
				assertThat(ex.getResponseBody()).contains("https://petstoreapi.com/errors/unauthorized");
			});
		assertThatThrownBy(() -> pets.getPet(UUID.randomUUID(), tenant)).isInstanceOfSatisfying(ApiException.class,
				ex -> assertThat(ex.getCode()).isEqualTo(404));
	}

	private static PetInput pet(String name, String price) {
		return new PetInput().name(name)
			.species(Species.DOG)
			.breed("Beagle")
			.ageMonths(14)
			.size(PetSize.MEDIUM)
			.gender(PetInput.GenderEnum.FEMALE)
			.goodWithKids(true)
			.price(price)
			.currency("USD")
			.status(PetStatus.AVAILABLE)
			.medicalInfo(new MedicalInfo().vaccinated(true).spayedNeutered(false));
	}

}
