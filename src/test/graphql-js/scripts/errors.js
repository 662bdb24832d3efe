// (c) Errors as graphql-request shows them (a ClientError whose response carries the errors):
// me without a token and with a bad one (UNAUTHORIZED), a mutation that needs a token, a wrong
// password, an invalid argument, a field the schema does not have. Only the UNAUTHORIZED ones are
// checked here; every outcome is printed for the Java test.
import { gql } from 'graphql-request';
import { check, classifications, client, equal, errorsOf, password, register, run, step } from './lib.js';

function summary(outcome) {
  return {
    httpStatus: outcome.status,
    classifications: classifications(outcome.errors),
    messages: outcome.errors.map((e) => e.message),
    paths: outcome.errors.map((e) => e.path ?? null),
    extensions: outcome.errors.map((e) => e.extensions ?? null),
    data: outcome.data,
  };
}

run('errors', async () => {
  const anonymous = client();
  const meAnonymous = summary(await errorsOf(() => anonymous.request(gql`{ me { id username } }`), 'me without a token'));
  equal(meAnonymous.classifications, ['UNAUTHORIZED'], 'me without a token: classification');
  equal(meAnonymous.paths, [['me']], 'me without a token: path');
  step(`me without a token: ${meAnonymous.classifications} "${meAnonymous.messages[0]}" (HTTP ${meAnonymous.httpStatus})`);

  const meBadToken = summary(await errorsOf(() => client('not.a.token').request(gql`{ me { id } }`), 'me with a bad token'));
  equal(meBadToken.classifications, ['UNAUTHORIZED'], 'me with a bad token: classification');
  step(`me with a bad token: ${meBadToken.classifications} "${meBadToken.messages[0]}" (HTTP ${meBadToken.httpStatus})`);

  // a public field next to a failing nullable one still answers (me is non-null: its error nulls
  // the whole data, as above); checked by the Java test
  const partial = summary(await errorsOf(
    () => anonymous.request(gql`{ pets(limit: 1) { pagination { totalItems } } order(id: "00000000-0000-7000-8000-000000000000") { id } }`),
    'pets and order(id:) without a token',
  ).catch((error) => ({ status: null, errors: [{ message: error.message }], data: null })));

  const placeAnonymous = summary(await errorsOf(
    () => anonymous.request(gql`mutation { placeOrder(petId: "00000000-0000-7000-8000-000000000000") { id } }`),
    'placeOrder without a token',
  ));
  equal(placeAnonymous.classifications, ['UNAUTHORIZED'], 'placeOrder without a token: classification');

  const user = await register('gqle');
  const wrongPassword = summary(await errorsOf(
    () => anonymous.request(gql`mutation S($u: String!, $p: String!) { createToken(username: $u, password: $p) { token } }`, { u: user.username, p: password + 'x' }),
    'createToken with a wrong password',
  ));
  const badUuid = summary(await errorsOf(() => anonymous.request(gql`{ pet(id: "not-a-uuid") { id } }`), 'pet(id:) with an invalid UUID'));
  const unknownField = summary(await errorsOf(() => anonymous.request(gql`{ pets { data { id nickname } } }`), 'a field the schema does not have'));
  const duplicate = summary(await errorsOf(
    () => anonymous.request(gql`mutation R($input: RegistrationInput!) { register(input: $input) { token } }`,
      { input: { username: user.username, email: `${user.username}@example.com`, firstName: 'G', lastName: 'H', password } }),
    'register a taken username',
  ));
  const badInput = summary(await errorsOf(
    () => anonymous.request(gql`mutation R($input: RegistrationInput!) { register(input: $input) { token } }`,
      { input: { username: 'x', email: 'not-an-email', firstName: '', lastName: 'H', password: 'short' } }),
    'register with invalid fields',
  ));
  for (const [what, outcome] of Object.entries({ wrongPassword, badUuid, unknownField, duplicate, badInput })) {
    step(`${what}: ${outcome.classifications} "${outcome.messages[0]}" (HTTP ${outcome.httpStatus})`);
  }
  return { meAnonymous, meBadToken, partial, placeAnonymous, wrongPassword, badUuid, unknownField, duplicate, badInput };
});
