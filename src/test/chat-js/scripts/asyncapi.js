// Validates the served AsyncAPI document with the AsyncAPI initiative's own parser.
import { Parser } from '@asyncapi/parser';
import { env, main } from './lib.js';

main(async () => {
  const base = env('PETSTORE_BASE_URL');
  const results = {};
  for (const path of ['/v1/asyncapi.yaml', '/v1/asyncapi.json']) {
    const response = await fetch(base + path);
    const text = await response.text();
    const { document, diagnostics } = await new Parser().parse(text);
    results[path] = {
      status: response.status,
      contentType: response.headers.get('content-type'),
      errors: diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`),
      warnings: diagnostics.filter((d) => d.severity === 1).map((d) => `${d.path.join('.')}: ${d.message}`),
      version: document ? document.version() : null,
      channels: document ? document.channels().all().map((c) => c.id()).sort() : [],
      operations: document ? document.operations().all().map((o) => o.id()).sort() : [],
      messages: document ? document.components().messages().all().map((m) => m.id()).sort() : [],
    };
  }
  return results;
});
