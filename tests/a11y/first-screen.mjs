#!/usr/bin/env node
// Where things start on a phone (375 × 740 px): for each PATH and CSS SELECTOR, the distance in
// pixels from the top of the page to the first visible element matching it.
//
//   node tests/a11y/first-screen.mjs [--no-js] BASE_URL PATH SELECTOR [PATH SELECTOR...]
//
// Prints "PATH SELECTOR top=N" (or "top=none" when nothing matches); exit 2 on usage errors.
// --no-js: with JavaScript off, as for a visitor whose browser did not run the site's scripts.
import { launch } from './browser.mjs';

const args = process.argv.slice(2);
const javaScriptEnabled = args[0] !== '--no-js';
const [base, ...pairs] = javaScriptEnabled ? args : args.slice(1);
if (!base || pairs.length === 0 || pairs.length % 2) {
  console.error('usage: node tests/a11y/first-screen.mjs BASE_URL PATH SELECTOR [PATH SELECTOR...]');
  process.exit(2);
}
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, javaScriptEnabled });
  const tab = await context.newPage();
  for (let i = 0; i < pairs.length; i += 2) {
    const [path, selector] = [pairs[i], pairs[i + 1]];
    await tab.goto(base.replace(/\/+$/, '') + path, { waitUntil: 'load' });
    const top = await tab.evaluate((selector) => {
      const shown = [...document.querySelectorAll(selector)].find((e) => e.checkVisibility());
      return shown ? Math.round(shown.getBoundingClientRect().top + window.scrollY) : 'none';
    }, selector);
    console.log(`${path} ${selector} top=${top}`);
  }
} finally {
  await browser.close();
}
