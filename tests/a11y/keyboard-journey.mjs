#!/usr/bin/env node
// A candidate's journey by keyboard alone and without the site's JavaScript (every script
// request is refused), in Debian's Chromium: from an offer's page to its application form,
// then the talent pool's form, then an alert from a search; or, with `confirm`, the button
// behind each confirmation link. Only Tab, typing, Space, arrows and Enter act on the pages;
// addresses are typed as a person would type them in the address bar.
//
//   node tests/a11y/keyboard-journey.mjs BASE_URL forms OFFER_SLUG CV_PATH
//   node tests/a11y/keyboard-journey.mjs BASE_URL confirm PATH...
//
// Exit: 0 every step reached the page it should, 1 one did not (it says which), 2 set-up.
import { launch } from './browser.mjs';

const [base, mode, ...rest] = process.argv.slice(2);
if (!base || !['forms', 'confirm'].includes(mode)) {
  console.error('usage: node tests/a11y/keyboard-journey.mjs BASE_URL forms SLUG CV | confirm PATH...');
  process.exit(2);
}
const browser = await launch();
const context = await browser.newContext();
await context.route('**/*.js', (route) => route.abort());
const page = await context.newPage();
// The file chooser is taken over from the start (Space on a file input opens it), so that
// the interception is in place long before the candidate reaches the field.
let chosen = null;
page.on('filechooser', (chooser) => chosen?.(chooser));

/// What has the focus: its tag, name, type and, for a link, its address.
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName, id: el.id || '', name: el.name || '', type: el.type || '', value: el.value || '', href: el.getAttribute('href') || '', text: el.textContent.trim() };
  });

/// Presses Tab until `wanted(focused)` holds; fails after `limit` presses.
async function tabTo(what, wanted, limit = 400) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (wanted(await focused())) return;
  }
  throw new Error(`Tab never reached ${what} on ${page.url()}`);
}

/// Fills the form of the page field by field, in Tab order: `values` by field name (text
/// typed), `ticks` (checkboxes, ticked with Space, by name and value), `choices` (selects,
/// moved with the arrow keys), `file` (the file input opens its chooser with Space); then
/// Enter on the submit button.
async function fillByKeyboard({ values = {}, ticks = [], choices = {}, file = null, submit }) {
  const done = new Set();
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const at = await focused();
    if (at.tag === 'BUTTON' && at.text === submit) {
      const navigation = page.waitForNavigation();
      await page.keyboard.press('Enter');
      await navigation;
      return;
    }
    // Each field is filled once, however many times Tab goes round the page.
    if (!at.id || done.has(at.id)) continue;
    done.add(at.id);
    if (at.type === 'file' && file) {
      const chooser = new Promise((resolve, reject) => {
        chosen = resolve;
        setTimeout(() => reject(new Error(`Space did not open the file chooser on ${page.url()}`)), 15_000);
      });
      await page.keyboard.press('Space');
      await (await chooser).setFiles(file);
    } else if (at.type === 'checkbox') {
      if (ticks.some(([name, v]) => name === at.name && v === at.value)) await page.keyboard.press('Space');
    } else if (at.tag === 'SELECT' && choices[at.name] !== undefined) {
      for (let n = 0; n < choices[at.name]; n++) await page.keyboard.press('ArrowDown');
    } else if (values[at.name] !== undefined) {
      await page.keyboard.type(values[at.name]);
    }
  }
  throw new Error(`the submit button "${submit}" was never reached on ${page.url()}`);
}

async function expectHeading(text) {
  const body = await page.textContent('main');
  if (!body.includes(text)) throw new Error(`${page.url()} does not say "${text}": ${body.slice(0, 300)}`);
  console.log(`${page.url()}: ${text}`);
}

let failure = null;
try {
  if (mode === 'forms') {
    const [slug, cv] = rest;
    const email = 'clavier@exemple.fr';
    // The offer's page: Tab to "Candidater", Enter.
    await page.goto(`${base}/offres/${slug}`);
    await tabTo('the apply link', (at) => at.tag === 'A' && at.href.endsWith('/candidater'));
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await fillByKeyboard({
      values: { first_name: 'Claude', last_name: 'Clavier', email, message: 'Sans souris ni script.' },
      ticks: [['consent', 'on']],
      file: cv,
      submit: 'Envoyer ma candidature',
    });
    await expectHeading('Candidature envoyée');

    // The talent pool, from the site's menu.
    await page.goto(`${base}/`);
    await tabTo('the pool in the menu', (at) => at.tag === 'A' && at.href === '/vivier');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await fillByKeyboard({
      values: { email, first_name: 'Claude', last_name: 'Clavier', summary: 'Rust, au clavier.' },
      ticks: [['professions', 'developpement'], ['consent', 'on']],
      choices: { seniority: 2 },
      submit: 'Rejoindre le vivier',
    });
    await expectHeading('Confirmez votre adresse');

    // An alert, from a search of the listing.
    await page.goto(`${base}/offres?metier=developpement`);
    await tabTo('the alert link', (at) => at.tag === 'A' && at.href.startsWith('/alertes'));
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await fillByKeyboard({
      values: { email },
      ticks: [['consent', 'on']],
      submit: 'Créer mon alerte',
    });
    await expectHeading('Confirmez votre adresse');
  } else {
    for (const path of rest) {
      await page.goto(`${base}${path}`);
      await tabTo('the button', (at) => at.tag === 'BUTTON' && at.type === 'submit' && !at.text.includes('Rechercher'));
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      console.log(`${path}: ${(await page.textContent('h1')).trim()}`);
    }
  }
} catch (e) {
  failure = e.message.split('\n')[0];
} finally {
  await browser.close();
}
if (failure) {
  console.error(`keyboard journey: ${failure}`);
  process.exit(1);
}
