// Shared by the flows: settings from the environment, assertions, a log the JUnit test prints.

export function setting(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`environment variable ${name} is not set`);
  }
  return value;
}

export function check(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(`check failed: ${what}`);
  }
}

export function equal<T>(actual: T, expected: T, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`check failed: ${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

export function step(line: string): void {
  console.log(`  ${line}`);
}

/** Runs the flow; any error (a ResponseError from the client included) prints and exits with 1. */
export function run(name: string, flow: () => Promise<void>): void {
  flow().then(
    () => {
      console.log(`${name}: all steps passed`);
      process.exit(0);
    },
    async (error: unknown) => {
      const response = (error as { response?: Response }).response;
      const body = response ? ` (HTTP ${response.status}: ${await response.text()})` : '';
      console.log(`${name}: FAILED: ${error instanceof Error ? error.stack ?? error.message : String(error)}${body}`);
      process.exit(1);
    },
  );
}

/** Asserts that the call fails with this HTTP status (the client's ResponseError). */
export async function failsWith(status: number, call: () => Promise<unknown>, what: string): Promise<void> {
  try {
    await call();
  } catch (error) {
    const response = (error as { response?: Response }).response;
    equal(response?.status, status, what);
    return;
  }
  throw new Error(`check failed: ${what}: expected HTTP ${status}, the call succeeded`);
}
