// The Inboxes flow through the typescript-fetch client generated from /v2/inboxes/openapi.json:
// API key, domain (its TXT record published through the test's DNS server), inbox, a mail received
// by SMTP (sent by the test), read back, deleted.
import { ApikeyApi, Configuration, DomainApi, DomainStatusEnum, InboxApi } from '../generated/inboxes';
import { check, equal, failsWith, run, setting, step } from './check';

const base = setting('PETSTORE_BASE_URL') + '/v2';
const xTenantID = setting('PETSTORE_TENANT');
const helper = setting('TEST_HELPER_URL');
const username = setting('INBOX_USERNAME');
const password = setting('INBOX_PASSWORD');

/** Asks the JUnit test to do what a user does outside the API: publish a TXT record, send a mail. */
async function outside(what: string, body: Record<string, string>): Promise<void> {
  const response = await fetch(`${helper}/${what}`, { method: 'POST', body: JSON.stringify(body) });
  check(response.status === 204, `test helper ${what}: HTTP ${response.status} ${await response.text()}`);
}

run('inboxes flow', async () => {
  const key = await new ApikeyApi(new Configuration({ basePath: base, username, password })).createApiKey({
    xTenantID,
    apiKeyIn: { name: 'typescript client' },
  });
  check(key.key.startsWith('ibx_') && key.key.startsWith(key.prefix), 'a new key with its prefix');
  step(`API key ${key.id} (${key.prefix}...)`);

  const withKey = new Configuration({ basePath: base, apiKey: key.key });
  const keys = new ApikeyApi(withKey);
  const domains = new DomainApi(withKey);
  const inboxes = new InboxApi(withKey);
  equal((await keys.listApiKeys({ xTenantID })).map((k) => k.id), [key.id], 'the key is listed');

  const name = `ts${Math.random().toString(16).slice(2, 10)}.example.test`;
  const added = await domains.addDomain({ xTenantID, domainIn: { name } });
  equal([added.name, added.status, added.active], [name, DomainStatusEnum.MissingValidation, false], 'added domain');
  await outside('txt', { name, value: added.validate });
  const validated = await domains.validateDomain({ domainId: added.id, xTenantID });
  equal([validated.status, validated.active], [DomainStatusEnum.Validated, true], 'validated domain');
  check(validated.validatedAt instanceof Date, 'validatedAt is a date');
  equal((await domains.listDomains({ xTenantID })).map((d) => d.id), [added.id], 'domains listed');
  step(`domain ${name} validated`);

  const inbox = await inboxes.createInbox({ xTenantID, inboxIn: { name: `orders@${name}` } });
  equal([inbox.name, inbox.domainId], [`orders@${name}`, added.id], 'inbox');
  await outside('mail', { to: `orders@${name}`, subject: 'Hello from SMTP', text: 'Your order shipped.' });
  const summaries = await inboxes.listMessages({ inboxId: inbox.id, xTenantID, limit: 10 });
  equal(summaries.map((m) => [m.subject, m.envelopeFrom]), [['Hello from SMTP', 'sender@elsewhere.test']], 'one message');
  equal((await inboxes.getInbox({ inboxId: inbox.id, xTenantID })).messageCount, 1, 'message count');
  equal((await inboxes.listInboxes({ xTenantID, domainId: added.id })).map((i) => i.id), [inbox.id], 'inboxes of the domain');
  const message = await inboxes.getMessage({ inboxId: inbox.id, messageId: summaries[0].id, xTenantID });
  equal([message.text?.trim(), message.to], ['Your order shipped.', [`orders@${name}`]], 'message');
  check(message.receivedAt instanceof Date, 'receivedAt is a date');
  check(message.headers.some((h) => h.name === 'Received'), 'the Received header');
  const raw = await (await inboxes.getRawMessage({ inboxId: inbox.id, messageId: message.id, xTenantID })).text();
  check(raw.includes('Subject: Hello from SMTP') && raw.includes('Your order shipped.'), 'raw message');
  step(`inbox ${inbox.name} received "${message.subject}" (${message.size} bytes)`);

  await inboxes.deleteMessage({ inboxId: inbox.id, messageId: message.id, xTenantID });
  equal((await inboxes.listMessages({ inboxId: inbox.id, xTenantID })).length, 0, 'message deleted');
  await inboxes.deleteInbox({ inboxId: inbox.id, xTenantID });
  await failsWith(404, () => inboxes.getInbox({ inboxId: inbox.id, xTenantID }), 'deleted inbox');
  await domains.deleteDomain({ domainId: added.id, xTenantID });
  equal((await domains.listDomains({ xTenantID })).length, 0, 'domain deleted');
  await keys.deleteApiKey({ keyId: key.id, xTenantID });
  await failsWith(401, () => keys.listApiKeys({ xTenantID }), 'deleted key');
  step('deleted the message, inbox, domain and key');
});
