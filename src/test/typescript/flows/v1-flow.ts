// The Modern Pet Store flow through the typescript-fetch client generated from /v1/openapi.json:
// register, sign in, pets, order, pay, webhook create/list/delete, inventory, delete.
import {
  Configuration,
  DeliveryStatus,
  EventType,
  PaymentsApi,
  PaymentStatus,
  PetApi,
  PetInput,
  PetStatus,
  StoreApi,
  OrderStatus,
  UserApi,
  WebhooksApi,
} from '../generated/v1';
import { check, equal, failsWith, run, setting, step } from './check';

const base = setting('PETSTORE_BASE_URL') + '/v1';
const xTenantID = setting('PETSTORE_TENANT');
const receiver = setting('WEBHOOK_RECEIVER_URL');
const password = 'SecurePass123!';

function pet(name: string, price: string): Omit<PetInput, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'> {
  return {
    name,
    species: 'DOG',
    breed: 'Beagle',
    ageMonths: 14,
    size: 'MEDIUM',
    gender: 'FEMALE',
    goodWithKids: true,
    price,
    currency: 'USD',
    status: PetStatus.Available,
    medicalInfo: { vaccinated: true, spayedNeutered: false },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

run('v1 flow', async () => {
  const anonymous = new Configuration({ basePath: base });
  const username = 'ts' + Math.random().toString(16).slice(2, 10);

  const registered = await new UserApi(anonymous).createUser({
    xTenantID,
    userInput: { username, email: `${username}@example.com`, firstName: 'Kyle', lastName: 'Kihn', password, phone: '+18638982053' },
  });
  equal(registered.username, username, 'registered username');
  equal(registered.tenantId, xTenantID, 'registered tenant');
  check(registered.id !== undefined && registered.token.length > 0, 'registration gives an id and a token');
  step(`registered ${username} (${registered.id})`);

  const token = await new UserApi(anonymous).createToken({ xTenantID, tokenRequest: { username, password } });
  check(token.expiresAt instanceof Date && token.expiresAt.getTime() > Date.now() + 23 * 3600 * 1000, 'token valid for 24 h');
  step(`signed in, token expires ${token.expiresAt.toISOString()}`);

  const signedIn = new Configuration({ basePath: base, accessToken: token.token });
  const users = new UserApi(signedIn);
  const pets = new PetApi(signedIn);
  const store = new StoreApi(signedIn);
  const payments = new PaymentsApi(signedIn);
  const webhooks = new WebhooksApi(signedIn);
  equal((await users.getUserById({ id: registered.id!, xTenantID })).email, `${username}@example.com`, 'own account');

  const hook = await webhooks.createWebhook({
    xTenantID,
    webhookInput: { url: receiver, events: [EventType.OrderCreated, EventType.PaymentSucceeded], description: 'typescript client' },
  });
  check(hook.secret !== undefined && hook.secret.startsWith('whsec_'), 'the webhook secret is shown once');
  step(`webhook ${hook.id} -> ${hook.url}`);

  const rex = await pets.createPet({ xTenantID, petInput: pet('Rex', '120.00') });
  equal(rex.status, PetStatus.Available, 'new pet is available');
  equal(rex.price, '120.00', 'price');
  const spare = await pets.createPet({ xTenantID, petInput: pet('Spare', '5.00') });
  const updated = await pets.updatePet({ id: spare.id, xTenantID, petInput: pet('Spare Two', '6.50') });
  equal([updated.name, updated.price], ['Spare Two', '6.50'], 'updated pet');
  const dogs = await pets.listPets({ xTenantID, species: 'DOG', limit: 100 });
  check(dogs.data.some((p) => p.id === rex.id) && dogs.data.some((p) => p.id === spare.id), 'both pets listed');
  step(`pets ${rex.id} and ${spare.id}; ${dogs.data.length} dogs listed`);

  const order = await store.createOrder({ xTenantID, orderInput: { petId: rex.id } });
  equal(order.status, OrderStatus.Placed, 'order placed');
  equal(order.userId, registered.id, 'order owner');
  equal(order.totalAmount, '120.00', 'order total');
  equal((await pets.getPet({ id: rex.id, xTenantID })).status, PetStatus.Pending, 'pet reserved');
  step(`order ${order.id} placed`);

  const paid = await payments.createOrderPayment({
    id: order.id,
    xTenantID,
    idempotencyKey: `ts-${order.id}`,
    orderPaymentInput: {
      amount: '120.00',
      currency: 'USD',
      source: { object: 'card', name: 'Kyle Kihn', number: '4242424242424242', expMonth: 12, expYear: 2031, cvc: '123' },
    },
  });
  equal(paid.status, PaymentStatus.Succeeded, 'payment status');
  check(paid.source.object === 'card', 'paid by card');
  if (paid.source.object === 'card') {
    equal([paid.source.number, paid.source.last4, paid.source.cvc], ['************4242', '4242', undefined], 'masked card');
  }
  equal((await store.getOrder({ id: order.id, xTenantID })).status, OrderStatus.Approved, 'order approved');
  equal((await pets.getPet({ id: rex.id, xTenantID })).status, PetStatus.Adopted, 'pet adopted');
  step(`paid ${paid.amount} ${paid.currency}: payment ${paid.id}`);

  let delivered = 0;
  for (let i = 0; i < 100 && delivered < 2; i++) {
    const deliveries = await webhooks.listWebhookDeliveries({ xTenantID, webhookId: hook.id, status: DeliveryStatus.Succeeded });
    delivered = deliveries.data.length;
    if (delivered < 2) {
      await sleep(200);
    }
  }
  equal(delivered, 2, 'order.created and payment.succeeded delivered');
  const listed = await webhooks.listWebhooks({ xTenantID, page: 1, limit: 20 });
  equal(listed.pagination.totalItems, 1, 'one webhook');
  equal([listed.data[0].id, listed.data[0].secret], [hook.id, undefined], 'listed without its secret');
  await webhooks.deleteWebhook({ id: hook.id!, xTenantID });
  equal((await webhooks.listWebhooks({ xTenantID })).data.length, 0, 'webhook deleted');
  await failsWith(404, () => webhooks.getWebhook({ id: hook.id!, xTenantID }), 'deleted webhook');
  step(`webhook delivered ${delivered} events, listed, deleted`);

  const inventory = await store.getStoreInventory({ xTenantID });
  equal([inventory.total, inventory.available, inventory.adopted, inventory.bySpecies['DOG']], [14, 10, 2, 7], 'inventory');
  equal(await store.getInventory({ xTenantID, status: 'ADOPTED' }), { ADOPTED: 2 }, 'inventory by status');
  step(`inventory: ${JSON.stringify(inventory)}`);

  await pets.deletePet({ id: spare.id, xTenantID });
  await failsWith(404, () => pets.getPet({ id: spare.id, xTenantID }), 'deleted pet');
  await users.deleteUser({ id: registered.id!, xTenantID });
  await failsWith(401, () => new UserApi(anonymous).createToken({ xTenantID, tokenRequest: { username, password } }), 'deleted user signs in');
  step('deleted the spare pet and the account');
});
