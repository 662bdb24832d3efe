// The whole storefront as a person uses it, then the admin pages: see README.md beside this folder.
// Environment: PETSTORE_BASE_URL, PETSTORE_TENANT (a private data set the test seeded), XSS_NAME
// (a pet's name that is markup), ADOPT_PET_ID, CANCEL_PET_ID, USERNAME, ADMIN_PASSWORD,
// PETSTORE_SCREENSHOTS (optional folder).
import { launch, watch, axe, screenshot, tabTo, done, log, BASE } from './lib.js';

const TENANT = process.env.PETSTORE_TENANT;
const XSS_NAME = process.env.XSS_NAME;
const USERNAME = process.env.USERNAME;
const PASSWORD = 'Web-Pages-Pass-1';
const result = { axe: {}, problems: [] };
const timeout = 30000; // a loaded 2-core CI machine runs the whole suite beside it

const browser = await launch();
browser.setDefaultTimeout(timeout);
const page = browser.pages()[0] || await browser.newPage();
watch(page, result.problems);

async function petNames() {
  return page.$$eval('#pet-list .pet-link', links => links.map(a => a.textContent));
}

async function waitForList(previous) {
  await page.waitForFunction(before => {
    const list = document.querySelector('#pet-list, #no-pets');
    return list && list !== before;
  }, previous, { timeout });
}

try {
  // --- the storefront, anonymous
  log('open /');
  const first = await page.goto(BASE + '/');
  result.landedOn = new URL(page.url()).pathname;
  result.storeCsp = first.headers()['content-security-policy'] || null;
  await page.waitForSelector('#pet-list');

  log('switch to the private data set');
  await page.fill('#tenant-id', TENANT);
  await page.click('#use-tenant');
  await page.waitForFunction(t => document.querySelector('#tenant-current')?.textContent.includes(t), TENANT);
  await page.waitForSelector('#pet-list');
  result.tenantShown = await page.textContent('#tenant-current');
  result.axe.storePets = await axe(page);
  await screenshot(page, 'store-pets');

  result.xssLinks = await page.locator('#pet-list .pet-link', { hasText: XSS_NAME }).count();
  result.xssText = await page.locator('#pet-list .pet-link', { hasText: XSS_NAME }).first().textContent();
  result.scriptsInList = await page.$$eval('#pet-list script, #pet-list img:not(.photo)', nodes => nodes.length);

  log('paging');
  result.page1 = await petNames();
  result.page1Info = await page.textContent('#page-info');
  let list = await page.$('#pet-list');
  await page.click('#next-page');
  await waitForList(list);
  result.page2 = await petNames();
  result.page2Info = await page.textContent('#page-info');

  log('filter: cats');
  list = await page.$('#pet-list');
  await page.selectOption('#f-species', 'CAT');
  await page.click('#apply-filters');
  await waitForList(list);
  result.catSpecies = await page.$$eval('#pet-list .pet', cards => cards.map(c => c.dataset.species));
  list = await page.$('#pet-list');
  await page.selectOption('#f-species', 'DOG');
  await page.selectOption('#f-size', 'LARGE');
  await page.selectOption('#f-kids', 'true');
  await page.fill('#f-age-min', '12');
  await page.selectOption('#f-sort', 'price:DESC');
  await page.click('#apply-filters');
  await waitForList(list);
  result.largeDogsHash = decodeURIComponent(new URL(page.url()).hash);
  result.largeDogs = await page.$$eval('#pet-list .pet', cards => cards.map(c => ({ species: c.dataset.species, text: c.textContent })));

  log('pet page');
  await page.goto(BASE + '/store/#/pets/' + process.env.ADOPT_PET_ID);
  await page.waitForSelector('#pet-name');
  result.detailName = await page.textContent('#pet-name');
  result.signInToAdopt = await page.locator('#sign-in-to-adopt').count();
  result.axe.storePet = await axe(page);
  await screenshot(page, 'store-pet');

  // --- sign up, then sign in through the authorization server
  log('sign up');
  await page.click('#sign-up-link');
  await page.waitForSelector('#sign-up-form');
  result.axe.storeSignUp = await axe(page);
  await screenshot(page, 'store-sign-up');
  await page.fill('#su-username', USERNAME);
  await page.fill('#su-email', USERNAME + '@example.com');
  await page.fill('#su-first', 'Web');
  await page.fill('#su-last', 'Person');
  await page.fill('#su-password', PASSWORD);
  await page.click('#sign-up');
  await page.waitForURL(url => new URL(url).pathname === '/login');
  result.loginTenant = await page.inputValue('input[name=tenant]');
  result.loginHasCsrf = await page.locator('input[type=hidden][name=_csrf]').count();
  result.axe.login = await axe(page);
  await screenshot(page, 'login');
  await page.fill('input[name=username]', USERNAME);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('#signed-in-as');
  result.afterSignIn = new URL(page.url()).pathname + new URL(page.url()).hash;
  result.signedInAs = await page.textContent('#signed-in-as');

  // --- adopt: a declined card, then a good one
  log('adopt and pay');
  await page.goto(BASE + '/store/#/pets/' + process.env.ADOPT_PET_ID);
  await page.click('#adopt');
  await page.waitForSelector('#payment-form');
  await page.fill('#card-name', 'Web Person');
  await page.fill('#card-number', '4000 0000 0000 0002');
  await page.fill('#card-cvc', '123');
  await page.click('#pay');
  await page.waitForFunction(() => document.querySelector('#alert')?.textContent.includes('declined'));
  result.declined = await page.textContent('#alert');
  result.axe.storePayment = await axe(page);
  await screenshot(page, 'store-payment-declined');
  await page.fill('#card-number', '4242424242424242');
  await page.click('#pay');
  await page.waitForSelector('#payment-result');
  result.paid = await page.textContent('#payment-result');
  result.alertAfterPaid = await page.textContent('#alert');

  log('adopt another, then cancel it');
  await page.goto(BASE + '/store/#/pets/' + process.env.CANCEL_PET_ID);
  await page.click('#adopt');
  await page.waitForSelector('#cancel-order');
  await page.click('#cancel-order');
  await page.waitForSelector('#orders');

  log('my orders');
  await page.waitForSelector('#order-rows tr[data-order]');
  await page.waitForFunction(() => document.querySelector('#live-state')?.textContent.startsWith('Live'));
  result.orders = await page.$$eval('#order-rows tr[data-order]', rows => rows.map(r => ({
    id: r.dataset.order, pet: r.cells[0].textContent, status: r.querySelector('.order-status').textContent })));
  result.axe.storeOrders = await axe(page);
  await screenshot(page, 'store-orders');

  log('reload: signed in again without a form');
  await page.reload();
  await page.waitForSelector('#signed-in-as');
  await page.waitForSelector('#order-rows tr[data-order]');
  result.afterReload = new URL(page.url()).pathname + new URL(page.url()).hash;
  result.storage = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));

  log('keyboard');
  const keys = page;
  await keys.goto(BASE + '/store/#/');
  await keys.waitForSelector('#pet-list');
  await keys.focus('body');
  result.keyboard = {};
  result.keyboard.species = await tabTo(keys, '#f-species');
  await keys.keyboard.press('ArrowDown'); // Any -> Dog
  await keys.keyboard.press('ArrowDown'); // Dog -> Cat
  result.keyboard.apply = await tabTo(keys, '#apply-filters');
  list = await keys.$('#pet-list');
  await keys.keyboard.press('Enter');
  await keys.waitForFunction(before => document.querySelector('#pet-list') !== before, list);
  result.keyboard.filtered = await keys.$$eval('#pet-list .pet', cards => cards.map(c => c.dataset.species));
  result.keyboard.petLink = await tabTo(keys, '.pet-link');
  await keys.keyboard.press('Enter');
  await keys.waitForSelector('#pet-name');
  result.keyboard.detail = await keys.textContent('#pet-name');
  result.keyboard.adopt = await tabTo(keys, '#adopt');
  await keys.focus('body');
  result.keyboard.myOrders = await tabTo(keys, 'a[href="/store/#/orders"]');
  await keys.keyboard.press('Enter');
  await keys.waitForSelector('#order-rows tr[data-order]');
  result.keyboard.ordersShown = await keys.locator('#order-rows tr[data-order]').count();
  result.keyboard.signOut = await tabTo(keys, '#sign-out');

  if (process.env.WITH_ADMIN === 'true') {
    const admin = await import('./admin-part.js');
    await admin.run({ browser, page, result, password: PASSWORD });
  }

  log('sign out');
  await page.click('#sign-out');
  await page.waitForURL(url => new URL(url).pathname === '/logout');
  await page.click('button[type=submit]');
  await page.waitForSelector('#sign-in');
  result.afterSignOut = new URL(page.url()).pathname;
  result.signInShown = await page.locator('#sign-in').count();

  log('reset the data set');
  await page.waitForSelector('#pet-list');
  await page.click('#reset-tenant');
  await page.waitForFunction(() => document.querySelector('#status')?.textContent.includes('reset'));
  await page.waitForFunction(name => ![...document.querySelectorAll('#pet-list .pet-link')].some(a => a.textContent === name), XSS_NAME);
  result.afterReset = await petNames();
} catch (e) {
  result.error = e.stack || String(e);
  await screenshot(page, 'failure').catch(() => {});
  result.failureUrl = page.url();
  result.failureText = await page.textContent('body').catch(() => null);
}
await browser.close();
done(result);
