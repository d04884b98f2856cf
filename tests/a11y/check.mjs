#!/usr/bin/env node
// Accessibility check of portal pages: axe-core (WCAG 2.0/2.1 A and AA rules) run in
// Debian's Chromium, every page in the light and in the dark colour scheme.
//
//   node tests/a11y/check.mjs BASE_URL PATH [PATH...]
//   node tests/a11y/check.mjs http://127.0.0.1:8080 / /offres '/page-inconnue#status=404'
//
// PATH#status=NNN: the page is expected to answer NNN (e.g. an error page); it is still
// checked. Without it, any HTTP status >= 400 is a failure.
// Env: CHROMIUM (default /usr/bin/chromium); A11Y_COOKIE=name=value sends that cookie with every
// page (to check pages behind a login).  Set-up: npm ci --prefix tests/a11y
// Exit: 0 no violation, 1 violations or pages that failed to load, 2 usage or launch error.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SCHEMES = ['light', 'dark'];
const MAX_TARGETS = 3;
const NAV_TIMEOUT_MS = 30_000;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function usage(message) {
  if (message) console.error(`a11y: ${message}`);
  console.error('usage: node tests/a11y/check.mjs BASE_URL PATH[#status=NNN] [PATH...]');
  process.exit(2);
}

function parseArgs(argv) {
  if (argv.includes('-h') || argv.includes('--help')) usage();
  const [base, ...rawPaths] = argv;
  if (!base || rawPaths.length === 0) usage('a base URL and at least one path are needed');
  let baseUrl;
  try {
    baseUrl = new URL(base);
  } catch {
    usage(`not a URL: ${base}`);
  }
  if (!/^https?:$/.test(baseUrl.protocol)) usage(`not an http(s) URL: ${base}`);
  const root = base.replace(/\/+$/, '');
  const pages = rawPaths.map((raw) => {
    let path = raw;
    let expected = null;
    const m = raw.match(/^(.*)#status=(\d{3})$/);
    if (m) {
      path = m[1];
      expected = Number(m[2]);
    } else if (raw.includes('#status=')) {
      usage(`bad status suffix in ${raw} (expected PATH#status=NNN)`);
    }
    if (!path.startsWith('/')) path = `/${path}`;
    return { path, expected, url: root + path };
  });
  return { pages };
}

async function loadDeps() {
  try {
    const { chromium } = await import('playwright-core');
    return { chromium, axePath: require.resolve('axe-core') };
  } catch (e) {
    console.error(`a11y: cannot load playwright-core/axe-core (${e.message}); run: npm ci --prefix tests/a11y`);
    process.exit(2);
  }
}

// Resolves with `promise`, or with undefined after `ms`.
function within(ms, promise) {
  return Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms))]);
}

// Lets the page settle before axe measures colours: the DSFR script sets data-fr-theme
// from prefers-color-scheme after load, and colour transitions must be over.
async function settle(page) {
  await page
    .waitForFunction(
      () => {
        const html = document.documentElement;
        return !html.hasAttribute('data-fr-scheme') || html.hasAttribute('data-fr-theme');
      },
      null,
      { timeout: 3_000 },
    )
    .catch(() => {});
  await within(
    3_000,
    page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime))
          .map((a) => a.finished.catch(() => {})),
      ),
    ),
  ).catch(() => {});
}

async function checkPage(page, target, axePath) {
  let response;
  try {
    response = await page.goto(target.url, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
  } catch (e) {
    return { loadError: e.message.split('\n')[0] };
  }
  const status = response ? response.status() : 0;
  if (target.expected !== null ? status !== target.expected : status === 0 || status >= 400) {
    const want = target.expected !== null ? `expected ${target.expected}` : 'expected < 400';
    return { loadError: `HTTP ${status} (${want})` };
  }
  try {
    await settle(page);
    await page.addScriptTag({ path: axePath });
    const results = await page.evaluate(
      (tags) =>
        // eslint-disable-next-line no-undef
        axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
      TAGS,
    );
    return { violations: results.violations };
  } catch (e) {
    return { loadError: `axe could not run: ${e.message.split('\n')[0]}` };
  }
}

async function main() {
  const { pages } = parseArgs(process.argv.slice(2));
  const { chromium, axePath } = await loadDeps();
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

  let browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  } catch (e) {
    console.error(`a11y: cannot launch Chromium at ${executablePath}: ${e.message.split('\n')[0]}`);
    process.exit(2);
  }

  let violationCount = 0;
  let loadFailures = 0;
  try {
    const tabs = {};
    for (const scheme of SCHEMES) {
      const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme });
      const cookie = process.env.A11Y_COOKIE;
      if (cookie) {
        const at = cookie.indexOf('=');
        if (at < 1) usage(`A11Y_COOKIE must be name=value, got ${cookie}`);
        const url = new URL(pages[0].url).origin;
        await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url }]);
      }
      tabs[scheme] = await context.newPage();
    }
    for (const target of pages) {
      // One line per distinct (rule, first targets): a violation present in both schemes is
      // reported once with "light+dark".
      const found = new Map();
      const failed = new Map(); // error message -> schemes
      // Both schemes at once: each has its own tab, and most of a check is waiting.
      const results = await Promise.all(
        SCHEMES.map((scheme) => checkPage(tabs[scheme], target, axePath)),
      );
      for (const [i, scheme] of SCHEMES.entries()) {
        const result = results[i];
        if (result.loadError) {
          failed.set(result.loadError, [...(failed.get(result.loadError) ?? []), scheme]);
          continue;
        }
        for (const v of result.violations) {
          const targets = v.nodes.slice(0, MAX_TARGETS).map((n) => n.target.join(' '));
          const key = `${v.id}\u0000${targets.join('\u0000')}`;
          const entry = found.get(key) ?? { v, targets, nodes: v.nodes.length, schemes: [] };
          entry.schemes.push(scheme);
          found.set(key, entry);
        }
      }
      if (failed.size) loadFailures++;
      for (const [message, schemes] of failed) {
        console.log(`${target.path} [${schemes.join('+')}] LOAD FAILED: ${message}`);
      }
      for (const { v, targets, nodes, schemes } of found.values()) {
        violationCount++;
        const more = nodes > targets.length ? ` (+${nodes - targets.length} more)` : '';
        console.log(
          `${target.path} [${schemes.join('+')}] ${v.id} (${v.impact ?? 'unknown'}): ${v.help} -> ${targets.join(' | ')}${more}`,
        );
      }
    }
  } finally {
    await browser.close().catch(() => {});
  }

  if (loadFailures) console.log(`a11y: ${loadFailures} page(s) failed to load`);
  console.log(`a11y: ${pages.length} pages checked, ${violationCount} violations`);
  process.exit(violationCount || loadFailures ? 1 : 0);
}

main().catch((e) => {
  console.error(`a11y: ${e.stack || e}`);
  process.exit(2);
});
