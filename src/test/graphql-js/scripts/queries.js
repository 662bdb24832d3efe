// (a) Queries through graphql-request: register and createToken (mutations), me, pets with
// filters and pagination, pet(id:), a query with fragments and @include/@skip, introspection.
// PET_ID (optional): the pet to read with pet(id:); by default the first pet of the listing.
import { buildClientSchema, getIntrospectionQuery, isScalarType, printSchema } from 'graphql';
import { gql } from 'graphql-request';
import { check, client, equal, password, register, run, setting, step } from './lib.js';

const PET_FIELDS = gql`
  fragment PetFields on Pet {
    id
    name
    species
    breed
    ageMonths
    size
    status
    price
    currency
    goodWithKids
    medicalInfo { vaccinated spayedNeutered }
    photos
    tenantId
    createdAt
    updatedAt
  }
`;

run('queries', async () => {
  const registered = await register('gqlq');
  step(`registered ${registered.username} through the register mutation`);

  const { createToken } = await client().request(
    gql`mutation SignIn($username: String!, $password: String!) { createToken(username: $username, password: $password) { token expiresAt } }`,
    { username: registered.username, password },
  );
  check(createToken.token.length > 20, 'createToken answers a token');
  check(Date.parse(createToken.expiresAt) > Date.now() + 3600_000, `the token expires later than in an hour (${createToken.expiresAt})`);
  step(`signed in through createToken, expires ${createToken.expiresAt}`);
  const signedIn = client(createToken.token);

  const { me } = await signedIn.request(gql`{ me { id username email firstName lastName tenantId } }`);
  equal([me.username, me.email, me.firstName, me.lastName], [registered.username, `${registered.username}@example.com`, 'Grace', 'Hopper'], 'me');
  step(`me: ${me.id}`);

  // filters and pagination: available dogs, two per page
  const PAGE = gql`
    query Dogs($filter: PetFilter, $page: Int, $limit: Int) {
      pets(filter: $filter, page: $page, limit: $limit) {
        data { ...PetFields }
        pagination { page limit totalItems totalPages }
      }
    }
    ${PET_FIELDS}
  `;
  const filter = { species: ['DOG'], status: ['AVAILABLE'] };
  const page1 = (await signedIn.request(PAGE, { filter, page: 1, limit: 2 })).pets;
  const page2 = (await signedIn.request(PAGE, { filter, page: 2, limit: 2 })).pets;
  for (const page of [page1, page2]) {
    check(page.data.length <= 2, `at most 2 pets per page, got ${page.data.length}`);
    check(page.data.every((p) => p.species === 'DOG' && p.status === 'AVAILABLE'), `only available dogs: ${JSON.stringify(page.data.map((p) => [p.species, p.status]))}`);
    equal(page.pagination.totalPages, Math.ceil(page.pagination.totalItems / 2), 'totalPages');
  }
  equal([page1.pagination.page, page2.pagination.page, page1.pagination.limit], [1, 2, 2], 'page numbers and limit');
  check(!page2.data.some((p) => page1.data.some((q) => q.id === p.id)), 'the two pages do not overlap');
  const cats = (await signedIn.request(PAGE, { filter: { species: ['CAT'] }, limit: 50 })).pets;
  check(cats.data.every((p) => p.species === 'CAT' && p.status === 'AVAILABLE'), 'cats, available by default');
  step(`pets: ${page1.pagination.totalItems} available dogs, pages of 2; ${cats.pagination.totalItems} available cats`);

  const everything = (await client().request(PAGE, { filter: { status: ['AVAILABLE', 'PENDING', 'ADOPTED', 'NOT_AVAILABLE'] }, limit: 100 })).pets;
  const petId = setting('PET_ID', page1.data[0]?.id);
  check(petId, 'a pet to read');
  const { pet } = await client().request(gql`query One($id: UUID!) { pet(id: $id) { ...PetFields } } ${PET_FIELDS}`, { id: petId });
  check(pet !== null, `pet(id: ${petId}) found`);
  equal(pet.id, petId, 'pet id');
  const listed = everything.data.find((p) => p.id === petId);
  equal(pet, listed ?? pet, 'pet(id:) answers what the listing shows');
  step(`pet(id:) ${pet.id}: ${pet.name}, ${pet.species}, ${pet.status}, ${pet.price} ${pet.currency}`);

  const missingId = '00000000-0000-7000-8000-000000000000';
  const { pet: missing } = await client().request(gql`query One($id: UUID!) { pet(id: $id) { id } }`, { id: missingId });
  equal(missing, null, 'pet(id:) of no pet');

  // fragments (named and inline) with @include / @skip driven by variables
  const DIRECTIVES = gql`
    query Card($id: UUID!, $withMedical: Boolean!, $skipPrice: Boolean!) {
      pet(id: $id) {
        ...Card
        ... on Pet { medicalInfo @include(if: $withMedical) { vaccinated } }
      }
      me { ...Person }
    }
    fragment Card on Pet { id name price @skip(if: $skipPrice) currency @skip(if: $skipPrice) }
    fragment Person on User { username }
  `;
  const full = await signedIn.request(DIRECTIVES, { id: petId, withMedical: true, skipPrice: false });
  const bare = await signedIn.request(DIRECTIVES, { id: petId, withMedical: false, skipPrice: true });
  equal(Object.keys(full.pet).sort(), ['currency', 'id', 'medicalInfo', 'name', 'price'], 'fields with @include(if: true) and @skip(if: false)');
  equal(Object.keys(bare.pet).sort(), ['id', 'name'], 'fields with @include(if: false) and @skip(if: true)');
  equal(full.me.username, registered.username, 'the Person fragment');
  step(`fragments and directives: ${JSON.stringify(full.pet)} / ${JSON.stringify(bare.pet)}`);

  // introspection: the query graphql-js builds for tools, with type references three levels deep
  // (the server's depth limit of 12 refuses graphql-js's own nine levels: see introspection.js),
  // the client schema rebuilt from its answer, and one __type query (graphql-java allows one each)
  const standard = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true });
  const shallow = standard.slice(0, standard.indexOf('fragment TypeRef on __Type'))
    + 'fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
  const answer = await client().request(shallow);
  const built = buildClientSchema(answer);
  const fieldsOf = (type) => Object.keys(type?.getFields() ?? {}).sort();
  const { __type: petType } = await client().request(gql`{ __type(name: "Pet") { kind fields { name type { kind name ofType { name } } } } }`);
  const introspection = {
    queryType: built.getQueryType()?.name ?? null,
    mutationType: built.getMutationType()?.name ?? null,
    subscriptionType: built.getSubscriptionType()?.name ?? null,
    queryFields: fieldsOf(built.getQueryType()),
    mutationFields: fieldsOf(built.getMutationType()),
    subscriptionFields: fieldsOf(built.getSubscriptionType()),
    scalars: Object.values(built.getTypeMap()).filter((t) => isScalarType(t) && !t.name.startsWith('__')).map((t) => t.name).sort(),
    directives: built.getDirectives().map((d) => d.name).sort(),
    petFields: petType.fields.map((f) => f.name).sort(),
    petIdType: (() => { const id = petType.fields.find((f) => f.name === 'id').type; return `${id.name ?? id.ofType?.name}${id.kind === 'NON_NULL' ? '!' : ''}`; })(),
    orderStatusValues: built.getType('OrderStatus').getValues().map((v) => v.name),
    petsDescription: built.getQueryType().getFields().pets.description ?? null,
    sdlLength: printSchema(built).length,
  };
  check(['pets', 'pet', 'me', 'myOrders'].every((f) => introspection.queryFields.includes(f)), `Query has pets, pet, me, myOrders: ${introspection.queryFields}`);
  check(['include', 'skip'].every((d) => introspection.directives.includes(d)), 'the @include and @skip directives');
  step(`introspection: ${introspection.queryFields.length} query fields, ${introspection.mutationFields.length} mutations, ${introspection.subscriptionFields.length} subscriptions`);

  return {
    username: registered.username,
    registerExpiresAt: registered.expiresAt,
    createTokenExpiresAt: createToken.expiresAt,
    me,
    dogs: { page1, page2 },
    cats: { count: cats.data.length, totalItems: cats.pagination.totalItems },
    pet,
    missingPet: missing,
    directives: { full, bare },
    introspection,
  };
});
