// The two Node.js globals the flows use (instead of depending on @types/node): the environment the
// JUnit test passes, and the exit code it checks. fetch, Blob and friends come from the DOM lib.
declare const process: {
  env: Record<string, string | undefined>;
  exit(code?: number): never;
};
