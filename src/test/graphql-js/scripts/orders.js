// (b) An order through graphql-request: placeOrder with the nested pet, the pet reserved, myOrders,
// cancelOrder, the pet available again, a second cancel refused.
// ORDER_PET_ID (optional): an AVAILABLE pet to order; by default the first available pet listed.
import { gql } from 'graphql-request';
import { check, classifications, client, equal, errorsOf, register, run, setting, step } from './lib.js';

const ORDER_FIELDS = gql`
  fragment OrderFields on Order {
    id
    petId
    userId
    status
    totalAmount
    currency
    tenantId
    createdAt
    updatedAt
    pet { id name species status price currency }
  }
`;

run('orders', async () => {
  const user = await register('gqlo');
  const signedIn = client(user.token);
  const { me } = await signedIn.request(gql`{ me { id } }`);

  let petId = setting('ORDER_PET_ID');
  if (!petId) {
    const { pets } = await client().request(gql`{ pets(filter: { status: [AVAILABLE] }, limit: 1) { data { id } } }`);
    check(pets.data.length === 1, 'an available pet to order');
    petId = pets.data[0].id;
  }
  const { pet: before } = await client().request(gql`query P($id: UUID!) { pet(id: $id) { id name status price currency } }`, { id: petId });
  equal(before?.status, 'AVAILABLE', `pet ${petId} is available before the order`);

  const { placeOrder: placed } = await signedIn.request(
    gql`mutation Place($petId: UUID!) { placeOrder(petId: $petId) { ...OrderFields } } ${ORDER_FIELDS}`,
    { petId },
  );
  equal([placed.status, placed.petId, placed.userId], ['PLACED', petId, me.id], 'placed order: status, pet, owner');
  equal([placed.totalAmount, placed.currency], [before.price, before.currency], 'the order costs what the pet does');
  equal([placed.pet?.id, placed.pet?.name], [petId, before.name], 'the nested pet');
  equal(placed.pet.status, 'PENDING', 'the nested pet is reserved by the order');
  step(`order ${placed.id} placed for ${placed.pet.name}: ${placed.totalAmount} ${placed.currency}`);

  const { pet: reserved } = await client().request(gql`query P($id: UUID!) { pet(id: $id) { status } }`, { id: petId });
  equal(reserved.status, 'PENDING', 'the pet is reserved');

  const MINE = gql`query Mine($status: OrderStatus) { myOrders(status: $status) { data { id status pet { id } } pagination { totalItems } } }`;
  const mine = (await signedIn.request(MINE, {})).myOrders;
  equal([mine.pagination.totalItems, mine.data[0]?.id, mine.data[0]?.pet?.id], [1, placed.id, petId], 'myOrders shows the order');

  const { cancelOrder: cancelled } = await signedIn.request(
    gql`mutation Cancel($id: UUID!) { cancelOrder(id: $id) { ...OrderFields } } ${ORDER_FIELDS}`,
    { id: placed.id },
  );
  equal([cancelled.id, cancelled.status], [placed.id, 'CANCELLED'], 'cancelled order');
  check(Date.parse(cancelled.updatedAt) >= Date.parse(placed.updatedAt), 'updatedAt moves on');
  step(`order ${cancelled.id} cancelled; pet now ${cancelled.pet?.status}`);

  const { pet: after } = await client().request(gql`query P($id: UUID!) { pet(id: $id) { status } }`, { id: petId });
  equal(after.status, 'AVAILABLE', 'the pet is available again');
  const cancelledOnes = (await signedIn.request(MINE, { status: 'CANCELLED' })).myOrders;
  const placedOnes = (await signedIn.request(MINE, { status: 'PLACED' })).myOrders;
  equal([cancelledOnes.pagination.totalItems, placedOnes.pagination.totalItems], [1, 0], 'myOrders by status');

  const again = await errorsOf(
    () => signedIn.request(gql`mutation Cancel($id: UUID!) { cancelOrder(id: $id) { id status } }`, { id: placed.id }),
    'cancelling a cancelled order',
  );
  step(`a second cancel: ${JSON.stringify(classifications(again.errors))} ${again.errors[0].message}`);
  const unknown = await errorsOf(
    () => signedIn.request(gql`mutation Cancel($id: UUID!) { cancelOrder(id: $id) { id } }`, { id: '00000000-0000-7000-8000-000000000000' }),
    'cancelling an order that does not exist',
  );

  return {
    username: user.username,
    userId: me.id,
    petBefore: before,
    placed,
    reservedStatus: reserved.status,
    cancelled,
    petAfterStatus: after.status,
    myOrders: { all: mine.pagination.totalItems, cancelled: cancelledOnes.pagination.totalItems, placed: placedOnes.pagination.totalItems },
    cancelAgain: { classifications: classifications(again.errors), message: again.errors[0].message, path: again.errors[0].path ?? null },
    cancelUnknown: { classifications: classifications(unknown.errors), message: unknown.errors[0].message },
  };
});
