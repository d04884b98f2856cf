#!/usr/bin/env node
// The back-office's live Markdown preview in Debian's Chromium, under the site's real
// Content-Security-Policy (not bypassed): typing in a Markdown field shows its rendering.
//
//   A11Y_COOKIE=metiers_session=TOKEN node tests/a11y/live-preview.mjs BASE_URL
//
// Exit: 0 the preview shows the typed Markdown rendered and sanitized, 1 it does not, 2 set-up.
import { launch } from './browser.mjs';

const [base] = process.argv.slice(2);
const cookie = process.env.A11Y_COOKIE || '';
const at = cookie.indexOf('=');
if (!base || at < 1) {
  console.error('usage: A11Y_COOKIE=name=value node tests/a11y/live-preview.mjs BASE_URL');
  process.exit(2);
}
const browser = await launch();
let failure = null;
try {
  const context = await browser.newContext();
  await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: base }]);
  const page = await context.newPage();
  const blocked = [];
  page.on('console', (message) => {
    if (message.type() === 'error') blocked.push(message.text());
  });
  await page.goto(`${base}/admin/offres/nouvelle`);
  await page.fill('#field-mission', 'Une mission **essentielle** <script>alert(1)</script>');
  await page.locator('#field-mission').dispatchEvent('input');
  const preview = page.locator('#field-mission-preview');
  await preview.locator('strong').waitFor({ timeout: 10_000 });
  const html = await preview.innerHTML();
  if (!html.includes('<strong>essentielle</strong>')) failure = `unexpected preview: ${html}`;
  else if (html.includes('<script')) failure = `the preview is not sanitized: ${html}`;
  else if (await preview.isHidden()) failure = 'the preview stays hidden';
  else if (blocked.length) failure = `console errors: ${blocked.join(' | ')}`;
  else console.log(`live preview: ${html.trim()}`);
} catch (e) {
  failure = e.message.split('\n')[0];
} finally {
  await browser.close();
}
if (failure) {
  console.error(`live preview: ${failure}`);
  process.exit(1);
}
