// Shared by the scripts: Chromium (Debian's /usr/bin/chromium) through playwright-core, axe-core,
// screenshots, and the JSON result on stdout.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const BASE = process.env.PETSTORE_BASE_URL;
export const SHOTS = process.env.PETSTORE_SCREENSHOTS || '';

export function log(...parts) {
  process.stderr.write(parts.join(' ') + '\n');
}

/** A fresh headless Chromium with a user-data-dir of its own. */
export async function launch() {
  const dataDir = mkdtempSync(join(tmpdir(), 'petstore-chromium-'));
  return chromium.launchPersistentContext(dataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
}

/** Watches a page: console errors, CSP violations, dialogs (an injected script would open one). */
export function watch(page, problems) {
  page.on('console', message => {
    if (message.type() === 'error' && !/the server responded with a status of 4/.test(message.text())) problems.push('console: ' + message.text());
  });
  page.on('response', response => {
    if (response.status() >= 500) problems.push('response: ' + response.status() + ' ' + response.url());
  });
  page.on('pageerror', error => problems.push('pageerror: ' + error.message));
  page.on('dialog', dialog => {
    if (dialog.type() === 'confirm') {
      dialog.accept();
    } else {
      problems.push('dialog: ' + dialog.type() + ' ' + dialog.message());
      dialog.dismiss();
    }
  });
}

/** axe-core on the page as it is: the serious and critical violations (id, impact, targets). */
export async function axe(page) {
  // evaluated through the DevTools protocol: the pages' CSP (rightly) refuses an inline script tag
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE);
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }));
}

export async function screenshot(page, name) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, name + '.png'), fullPage: true });
}

/** Presses Tab until the focused element matches the selector (at most `max` times); answers whether it did. */
export async function tabTo(page, selector, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(s => document.activeElement && document.activeElement.matches(s), selector)) return true;
  }
  return false;
}

export function done(result) {
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}
