#!/usr/bin/env node
// Layout check: no page is wider than the window, on a desktop (1 280 px) and on a phone
// (375 px); on the desktop nothing hides in a sideways-scrolling box (a table whose last
// columns, often its actions, sit outside the view) and no word is cut across two lines.
//
//   node tests/a11y/widths.mjs BASE_URL PATH [PATH...]
//
// Env: CHROMIUM (default /usr/bin/chromium); A11Y_COOKIE=name=value sends that cookie.
// Prints one line per problem and a last line "widths: N pages measured, M too wide".
// Exit: 0 none too wide, 1 some too wide or failed to load, 2 usage or launch error.
import { launch } from './browser.mjs';

const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800, boxes: true },
  { name: 'phone', width: 375, height: 740, boxes: false },
];

const [base, ...paths] = process.argv.slice(2);
if (!base || paths.length === 0) {
  console.error('usage: node tests/a11y/widths.mjs BASE_URL PATH [PATH...]');
  process.exit(2);
}
const root = base.replace(/\/+$/, '');

// What overflows sideways in the page: the page itself, and (when `boxes`) any scrolling box.
function measure(boxes) {
  // Runs in the page: what it needs is defined inside.
  // On a desktop, words the layout cuts across two lines, and punctuation pushed to the start of
  // a line away from the word it follows (at most 3 of each per page).
  function cutWords() {
    const cut = [];
    const orphans = [];
    const lineOf = (rect) => Math.round(rect.top + rect.height / 2);
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent?.checkVisibility?.() || parent.closest('svg, script, style, pre, code')) continue;
      // Out of sight on purpose (a screen-reader-only text, a honeypot field): not laid out.
      const box = parent.getBoundingClientRect();
      if (box.width <= 2 || box.right <= 0) continue;
      const text = node.textContent;
      // A break after a hyphen or a slash is allowed; inside a word, not.
      for (const word of text.matchAll(/[^\s\-\u2010\u2013/]{2,}/g)) {
        if (cut.length >= 3) break;
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map(lineOf));
        if (lines.size > 1) cut.push(`word cut across lines: "${word[0]}"`);
      }
      const previous = node.previousSibling;
      if (/^[,.;:)]/.test(text) && previous?.nodeType === Node.ELEMENT_NODE && orphans.length < 3) {
        const range = document.createRange();
        range.setStart(node, 0);
        range.setEnd(node, 1);
        const mark = [...range.getClientRects()].find((r) => r.width > 0);
        const before = [...previous.getClientRects()].filter((r) => r.width > 0).pop();
        if (mark && before && lineOf(mark) > before.bottom) {
          orphans.push(`"${text.slice(0, 12)}" starts a line, away from "${previous.textContent.slice(-20)}"`);
        }
      }
    }
    return [...cut, ...orphans];
  }

  const problems = [];
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth + 1) {
    const widest = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > page.clientWidth + 1)
      .map((element) => {
        const classes = [...element.classList].slice(0, 2).join('.');
        return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''}`;
      })
      .slice(-3);
    problems.push(`page ${page.scrollWidth} px wide in ${page.clientWidth} px (${widest.join(', ')})`);
  }
  if (boxes) {
    problems.push(...cutWords());
    for (const element of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(element);
      const scrolls = ['auto', 'scroll'].includes(style.overflowX);
      if (scrolls && element.scrollWidth > element.clientWidth + 1) {
        const classes = [...element.classList].slice(0, 2).join('.');
        problems.push(
          `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''} scrolls sideways (${element.scrollWidth} px in ${element.clientWidth} px)`,
        );
      }
    }
  }
  return problems;
}

const browser = await launch().catch((error) => {
  console.error(`widths: cannot launch Chromium: ${error.message.split('\n')[0]}`);
  process.exit(2);
});
let failures = 0;
try {
  for (const size of WIDTHS) {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
    const cookie = process.env.A11Y_COOKIE;
    if (cookie) {
      const at = cookie.indexOf('=');
      await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: root }]);
    }
    const tab = await context.newPage();
    for (const path of paths) {
      const response = await tab.goto(root + path, { waitUntil: 'load' }).catch((error) => error);
      if (!response || response instanceof Error) {
        failures++;
        console.log(`${path} [${size.name}] LOAD FAILED: ${response?.message?.split('\n')[0]}`);
        continue;
      }
      for (const problem of await tab.evaluate(measure, size.boxes)) {
        failures++;
        console.log(`${path} [${size.name} ${size.width} px] ${problem}`);
      }
    }
    await context.close();
  }
} finally {
  await browser.close().catch(() => {});
}
console.log(`widths: ${paths.length} pages measured, ${failures} too wide`);
process.exit(failures ? 1 : 0);
