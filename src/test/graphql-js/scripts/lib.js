// Shared by the scripts: settings (arguments or environment), a graphql-request client per caller,
// checks that exit non-zero with a clear message, and the JSON result printed on stdout.
//
// Every script takes the server's base URL and a tenant id:
//   node scripts/<name>.js <baseUrl> <tenantId>
// or PETSTORE_BASE_URL and PETSTORE_TENANT in the environment (the arguments win). Progress goes to
// stderr; stdout carries exactly one JSON document, the result the Java test asserts on.
import { ClientError, GraphQLClient } from 'graphql-request';

export const baseUrl = (process.argv[2] || process.env.PETSTORE_BASE_URL || '').replace(/\/+$/, '');
export const tenant = process.argv[3] || process.env.PETSTORE_TENANT || '';
if (!baseUrl || !tenant) {
  console.error('usage: node scripts/<name>.js <baseUrl> <tenantId> (or PETSTORE_BASE_URL and PETSTORE_TENANT)');
  process.exit(2);
}
export const endpoint = `${baseUrl}/v1/graphql`;
export const password = 'GraphQL-Pass-123!';

/** An optional setting from the environment. */
export function setting(name, fallback) {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

/** A graphql-request client on the tenant, with the bearer token when one is given. */
export function client(token) {
  const headers = { 'X-Tenant-ID': tenant };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  return new GraphQLClient(endpoint, { headers });
}

export class CheckFailed extends Error {}

export function check(condition, what) {
  if (!condition) {
    throw new CheckFailed(`check failed: ${what}`);
  }
}

export function equal(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new CheckFailed(`check failed: ${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

export function step(line) {
  console.error(`  ${line}`);
}

/** Runs a request that must fail with a GraphQL error; answers the errors of the response. */
export async function errorsOf(call, what) {
  try {
    const data = await call();
    throw new CheckFailed(`check failed: ${what}: expected a GraphQL error, got data ${JSON.stringify(data)}`);
  } catch (error) {
    if (error instanceof ClientError) {
      const errors = error.response.errors;
      check(Array.isArray(errors) && errors.length > 0, `${what}: the response has errors (HTTP ${error.response.status})`);
      return { status: error.response.status, errors, data: error.response.data ?? null };
    }
    throw error;
  }
}

/** The classification of each error, as the server puts it in extensions. */
export const classifications = (errors) => errors.map((e) => e.extensions?.classification ?? null);

/** A fresh username (the tenant is the test's own, the name only has to be unique in it). */
export function newUsername(prefix) {
  return `${prefix}${Math.random().toString(16).slice(2, 10)}`;
}

/** Registers a user through the register mutation and answers {username, token}. */
export async function register(prefix) {
  const username = newUsername(prefix);
  const { register: token } = await client().request(
    `mutation Register($input: RegistrationInput!) { register(input: $input) { token expiresAt } }`,
    { input: { username, email: `${username}@example.com`, firstName: 'Grace', lastName: 'Hopper', password } },
  );
  check(typeof token.token === 'string' && token.token.length > 20, 'register answers a token');
  return { username, token: token.token, expiresAt: token.expiresAt };
}

/**
 * Runs the script: its result (an object) is printed as JSON on stdout and the process exits 0;
 * a failed check, a GraphQL error nobody expected or a timeout prints the reason on stderr and
 * exits 1.
 */
export function run(name, script, timeoutMs = 60_000) {
  const timer = setTimeout(() => {
    console.error(`${name}: FAILED: no result after ${timeoutMs} ms`);
    process.exit(1);
  }, timeoutMs);
  script().then(
    (result) => {
      clearTimeout(timer);
      process.stdout.write(JSON.stringify(result, null, 2) + '\n', () => {
        console.error(`${name}: all checks passed`);
        process.exit(0);
      });
    },
    (error) => {
      clearTimeout(timer);
      let detail = '';
      if (error instanceof ClientError) {
        detail = `\nHTTP ${error.response.status}; errors: ${JSON.stringify(error.response.errors)}; data: ${JSON.stringify(error.response.data ?? null)}`;
      }
      const message = error instanceof CheckFailed ? error.message : (error?.stack ?? String(error));
      console.error(`${name}: FAILED: ${message}${detail}`);
      process.exit(1);
    },
  );
}
