// The admin part of storefront.js: a plain user is refused, the administrator (in a browser of
// their own) works through the dashboard, orders (force-cancel), users, audit log and OAuth clients,
// while the user's page shows the cancellation live.
import { launch, watch, axe, screenshot, tabTo, log, BASE } from './lib.js';

export async function run({ browser, page, result, password }) {
  const a = (result.admin = {});
  const TENANT = process.env.PETSTORE_TENANT;
  const order = result.orders.find(o => o.pet === 'Biscuit').id;

  log('admin: a plain user is refused');
  const tab = await browser.newPage();
  watch(tab, result.problems);
  const response = await tab.goto(BASE + '/admin/');
  a.adminCsp = response.headers()['content-security-policy'] || null;
  await tab.click('#sign-in');
  // The authorization server's session cookie normally signs this tab in without a form. Once, in a
  // CI run on PostgreSQL, it asked for the password again (the session was no longer signed in; not
  // reproduced since): then the person signs in again here, and the refusal is what is checked.
  await tab.waitForSelector('#refusal, input[name=password]');
  if (new URL(tab.url()).pathname === '/login') {
    a.signedInAgain = true;
    await tab.fill('input[name=username]', process.env.USERNAME);
    await tab.fill('input[name=password]', password);
    await tab.click('button[type=submit]');
  }
  await tab.waitForSelector('#refusal').catch(async e => {
    throw new Error(e.message + '\nthe tab: ' + tab.url() + '\n' + await tab.textContent('body'));
  });
  a.refusal = await tab.textContent('#refusal');
  result.axe.adminRefused = await axe(tab);
  await screenshot(tab, 'admin-refused');
  await tab.close();

  log('the user watches my orders');
  await page.goto(BASE + '/store/#/orders');
  await page.waitForSelector(`tr[data-order="${order}"]`);
  await page.waitForFunction(() => document.querySelector('#live-state')?.textContent.startsWith('Live'));

  log('admin: sign in');
  const other = await launch();
  other.setDefaultTimeout(30000);
  const admin = other.pages()[0] || await other.newPage();
  watch(admin, result.problems);
  await admin.goto(BASE + '/admin/');
  await admin.fill('#tenant-id', TENANT);
  await admin.click('#use-tenant');
  await admin.waitForFunction(t => document.querySelector('#tenant-current')?.textContent.includes(t), TENANT);
  await admin.click('#sign-in');
  await admin.waitForURL(url => new URL(url).pathname === '/login');
  await admin.fill('input[name=username]', 'admin');
  await admin.fill('input[name=password]', process.env.ADMIN_PASSWORD);
  await admin.click('button[type=submit]');
  await admin.waitForSelector('#view[data-ready="#/"]');
  await admin.waitForFunction(() => [...document.querySelectorAll('#charts canvas')].every(c => c.width > 0 && window.Chart.getChart(c)));
  a.signedInAs = await admin.textContent('#signed-in-as');
  a.figures = await admin.$$eval('#figures li', items => items.map(i => i.textContent));
  a.charts = await admin.$$eval('#charts canvas', canvases => canvases.map(c => ({ id: c.id, type: window.Chart.getChart(c).config.type,
    data: window.Chart.getChart(c).data.datasets.map(d => d.data) })));
  result.axe.adminDashboard = await axe(admin);
  await screenshot(admin, 'admin-dashboard');

  log('admin: orders, force-cancel');
  await admin.click('nav a[href="#/orders"]');
  await admin.waitForSelector('#admin-orders');
  await admin.selectOption('#o-status', 'APPROVED');
  await admin.click('#order-filters-apply');
  await admin.waitForSelector('#view[data-ready="#/orders?status=APPROVED"]');
  await admin.waitForSelector(`#admin-orders tr[data-order="${order}"]`);
  a.approvedStatuses = await admin.$$eval('#admin-orders .order-status', s => s.map(x => x.textContent));
  const row = admin.locator(`#admin-orders tr[data-order="${order}"]`);
  await row.locator('.force-cancel').click();
  await row.locator('.force-cancel-reason').fill('Cancelled from the admin page');
  result.axe.adminOrders = await axe(admin);
  await screenshot(admin, 'admin-orders');
  await row.locator('.confirm-force-cancel').click();
  await admin.waitForFunction(id => document.querySelector(`#admin-orders tr[data-order="${id}"] .order-status`)?.textContent === 'CANCELLED', order);
  a.forceCancelled = await row.locator('.order-status').textContent();

  log('the user sees it cancelled, live');
  await page.waitForFunction(id => document.querySelector(`tr[data-order="${id}"] .order-status`)?.textContent === 'CANCELLED', order);
  a.userSawCancelled = await page.textContent(`tr[data-order="${order}"] .order-status`);
  await page.waitForFunction(() => document.querySelector('#status')?.textContent.includes('CANCELLED'));
  a.userSawReason = await page.textContent('#status');

  log('admin: audit log');
  await admin.click('nav a[href="#/audit"]');
  await admin.waitForSelector('#admin-audit');
  await admin.fill('#a-entity', order);
  await admin.click('#audit-filters-apply');
  await admin.waitForSelector(`#view[data-ready="#/audit?entityId=${order}"]`);
  a.auditActions = await admin.$$eval('#admin-audit tr[data-audit] td:nth-child(2)', cells => cells.map(c => c.textContent));
  await admin.locator('#admin-audit tr[data-audit]').first().locator('.audit-details').click();
  await admin.waitForSelector('#audit-changes');
  a.auditChanges = await admin.$$eval('#audit-changes tbody tr', rows => rows.map(r => [...r.children].map(c => c.textContent.trim())));
  result.axe.adminAudit = await axe(admin);
  await screenshot(admin, 'admin-audit');
  // the date filters: the same order's entries in a range of long ago are none
  await admin.fill('#a-from', '2000-01-01');
  await admin.fill('#a-to', '2000-01-02');
  await admin.click('#audit-filters-apply');
  await admin.waitForSelector(`#view[data-ready="#/audit?entityId=${order}&createdFrom=2000-01-01&createdTo=2000-01-02"]`);
  a.auditLongAgo = await admin.$$eval('#admin-audit tr[data-audit]', rows => rows.length);

  log('admin: users');
  await admin.click('nav a[href="#/users"]');
  await admin.waitForSelector('#admin-users');
  await admin.fill('#u-q', process.env.USERNAME);
  await admin.click('#user-filters-apply');
  await admin.waitForSelector(`#view[data-ready="#/users?q=${process.env.USERNAME}"]`);
  const user = admin.locator('#admin-users tr[data-user]');
  a.userRow = await user.textContent();
  await user.locator('.user-role').selectOption('STAFF');
  await user.locator('.save-role').click();
  await admin.waitForFunction(() => document.querySelector('#admin-users .shown-role')?.textContent === 'STAFF');
  await user.locator('.user-status').selectOption('SUSPENDED');
  await user.locator('.save-status').click();
  await admin.waitForFunction(() => document.querySelector('#admin-users .shown-status')?.textContent === 'SUSPENDED');
  a.userAfter = [await user.locator('.shown-role').textContent(), await user.locator('.shown-status').textContent()];
  await user.locator('.user-status').selectOption('ACTIVE');
  await user.locator('.save-status').click();
  await admin.waitForFunction(() => document.querySelector('#admin-users .shown-status')?.textContent === 'ACTIVE');
  result.axe.adminUsers = await axe(admin);
  await screenshot(admin, 'admin-users');

  log('admin: OAuth clients');
  await admin.click('nav a[href="#/clients"]');
  await admin.waitForSelector('#admin-clients tr[data-client]');
  a.clients = await admin.$$eval('#admin-clients tr[data-client]', rows => rows.map(r => r.dataset.client));
  a.webClient = await admin.textContent('#admin-clients tr[data-client="petstore-web"]');
  result.axe.adminClients = await axe(admin);
  await screenshot(admin, 'admin-clients');

  log('admin: keyboard');
  await admin.focus('body');
  a.keyboardOrders = await tabTo(admin, 'nav a[href="#/orders"]');
  await admin.keyboard.press('Enter');
  await admin.waitForSelector('#admin-orders');
  a.keyboardForceCancel = await tabTo(admin, '.force-cancel, #order-filters-apply');
  await other.close();
}
