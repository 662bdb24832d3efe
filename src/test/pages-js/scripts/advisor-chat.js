// The storefront's pet-care advisor (POST /v1/chat/completions, streamed) and support chat
// (WebSocket /v1/ws/chat), as a person uses them, mostly by keyboard.
// Environment: PETSTORE_BASE_URL, PETSTORE_TENANT (a private data set), USERNAME and PASSWORD (a
// user the test made in it), MARKUP (a text that is markup), PETSTORE_SCREENSHOTS (optional folder).
import { launch, watch, axe, screenshot, tabTo, done, log, BASE } from './lib.js';

const TENANT = process.env.PETSTORE_TENANT;
const USERNAME = process.env.USERNAME;
const PASSWORD = process.env.PASSWORD;
const MARKUP = process.env.MARKUP;
const result = { axe: {}, problems: [], advisorRequests: [] };
const timeout = 30000;

const browser = await launch();
browser.setDefaultTimeout(timeout);
const page = browser.pages()[0] || await browser.newPage();
watch(page, result.problems);
page.on('request', request => {
  if (new URL(request.url()).pathname === '/v1/chat/completions') {
    const body = request.postDataJSON();
    result.advisorRequests.push({ stream: body.stream, model: body.model, roles: body.messages.map(m => m.role),
      last: body.messages[body.messages.length - 1].content.slice(0, 200), accept: request.headers().accept });
  }
});
page.on('websocket', socket => { result.socketUrl = socket.url().replace(/token=[^&]+/, 'token=…'); });

/** Records the answer's length at each change, with the answer's state then. */
async function watchAnswer() {
  await page.evaluate(() => {
    const answer = document.querySelector('#advisor-answer');
    window.petstoreLengths = [];
    new MutationObserver(() => window.petstoreLengths.push({ length: answer.textContent.length, state: answer.dataset.state || '' }))
      .observe(answer, { childList: true, characterData: true, subtree: true });
  });
}

async function answered(count) {
  await page.waitForFunction(n => document.querySelector('#advisor-answer')?.dataset.state === 'done'
    && document.querySelectorAll('#advisor-log li').length === n, count, { timeout });
}

try {
  log('open the storefront in the private data set');
  await page.goto(BASE + '/store/');
  await page.waitForSelector('#pet-list');
  await page.fill('#tenant-id', TENANT);
  await page.click('#use-tenant');
  await page.waitForFunction(t => document.querySelector('#tenant-current')?.textContent.includes(t), TENANT);

  log('signed out: both views ask to sign in');
  await page.goto(BASE + '/store/#/support');
  await page.waitForSelector('#chat-sign-in');
  result.chatSignedOut = await page.textContent('#chat-sign-in-note');
  await page.goto(BASE + '/store/#/advisor');
  await page.waitForSelector('#advisor-sign-in');
  result.advisorSignedOut = await page.textContent('#advisor-sign-in-note');

  log('sign in from the advisor');
  await page.click('#advisor-sign-in');
  await page.waitForURL(url => new URL(url).pathname === '/login');
  await page.fill('input[name=username]', USERNAME);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('#signed-in-as');
  await page.waitForSelector('#advisor-form');
  result.afterSignIn = new URL(page.url()).hash;

  log('the advisor, by keyboard');
  await page.goto(BASE + '/store/#/');
  await page.waitForSelector('#pet-list');
  await page.focus('body');
  result.keyboard = {};
  result.keyboard.advisorLink = await tabTo(page, 'a[href="/store/#/advisor"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#advisor-form');
  result.keyboard.question = await tabTo(page, '#advisor-question');
  await page.keyboard.type('How often should I feed my kitten, and when does she need her vaccinations?');
  result.keyboard.send = await tabTo(page, '#advisor-send');
  await watchAnswer();
  await page.keyboard.press('Enter');
  await answered(1);
  result.lengths = await page.evaluate(() => window.petstoreLengths);
  result.answer1 = await page.textContent('#advisor-answer');
  result.advisorState = await page.textContent('#advisor-state');
  result.answerLive = await page.getAttribute('#advisor-answer', 'aria-live');
  result.answerBusy = await page.getAttribute('#advisor-answer', 'aria-busy');

  log('a follow-up that is markup, sent with the conversation');
  await page.fill('#advisor-question', 'And what should I feed her? ' + MARKUP);
  await page.click('#advisor-send');
  await answered(3);
  result.advisorLog = await page.$$eval('#advisor-log li', items => items.map(li => ({ role: li.dataset.role, text: li.querySelector('.text').textContent })));
  result.answer2 = await page.textContent('#advisor-answer');
  result.advisorImages = await page.$$eval('#advisor-log img, #advisor-answer img', nodes => nodes.length);
  result.axe.storeAdvisor = await axe(page);
  await screenshot(page, 'store-advisor');

  log('a question the server refuses (over 32,000 characters): its problem is shown');
  const tooLong = 'Is this too long? ' + 'x'.repeat(32000);
  await page.fill('#advisor-question', tooLong);
  await page.click('#advisor-send');
  await page.waitForFunction(() => document.querySelector('#alert')?.textContent.length > 0);
  result.advisorError = await page.textContent('#alert');
  result.questionKept = (await page.inputValue('#advisor-question')) === tooLong;
  result.logAfterError = await page.locator('#advisor-log li').count();
  result.axe.storeAdvisorError = await axe(page);

  log('the support chat, by keyboard');
  await page.focus('body');
  result.keyboard.chatLink = await tabTo(page, 'a[href="/store/#/support"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#chat-state[data-state=connected]');
  result.chatState = await page.textContent('#chat-state');
  result.alertOnChat = await page.textContent('#alert');
  result.keyboard.chatInput = await tabTo(page, '#chat-input');
  await page.keyboard.type('My kitten will not eat her food. ' + MARKUP);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#chat-messages li[data-role=ADVISOR]', { timeout });
  result.chatMessages = await page.$$eval('#chat-messages li.msg', items => items.map(li => ({
    role: li.dataset.role, sender: li.querySelector('.sender')?.textContent, text: li.querySelector('.text')?.textContent })));
  result.chatImages = await page.$$eval('#chat-log img', nodes => nodes.length);
  result.chatInputAfter = await page.inputValue('#chat-input');
  result.keyboard.chatSend = await tabTo(page, '#chat-send');
  result.axe.storeSupportChat = await axe(page);
  await screenshot(page, 'store-support-chat');

  log('away and back: the same conversation, its history from the server');
  await page.goto(BASE + '/store/#/');
  await page.waitForSelector('#pet-list');
  await page.goto(BASE + '/store/#/support');
  await page.waitForSelector('#chat-state[data-state=connected]');
  await page.waitForSelector('#chat-messages li[data-role=ADVISOR]');
  result.chatHistory = await page.$$eval('#chat-messages li.msg', items => items.map(li => li.dataset.role));
  result.storage = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
} catch (e) {
  result.error = e.stack || String(e);
  await screenshot(page, 'failure').catch(() => {});
  result.failureUrl = page.url();
  result.failureText = await page.textContent('body').catch(() => null);
}
await browser.close();
done(result);
