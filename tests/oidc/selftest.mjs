#!/usr/bin/env node
// Self-test of server.mjs over plain HTTP, the way the Rust tests drive it:
// fetch with manual redirects and a hand-written cookie jar.
//
//   node tests/oidc/selftest.mjs            # RS256 then ES256
//   node tests/oidc/selftest.mjs ES256      # one algorithm
//
// Exits 0 when every check passes, 1 otherwise.

import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import { once } from 'node:events';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLIENT_ID = 'metiers-selftest';
const CLIENT_SECRET = 'selftest-secret-0123456789abcdef0123456789abcdef';
const REDIRECT_URI = 'http://127.0.0.1:9/auth/callback';
const POST_LOGOUT_URI = 'http://127.0.0.1:9/auth/logged-out';
const SCOPE = 'openid email given_name usual_name uid siret idp_id organization_label';
const ACR_CLAIMS = JSON.stringify({ id_token: { acr: { essential: true, values: ['eidas1'] } } });

let failures = 0;
function check(condition, label, detail) {
  if (condition) {
    console.log(`  ok   ${label}`);
  } else {
    failures += 1;
    console.log(`  FAIL ${label}${detail === undefined ? '' : ` — ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`}`);
  }
}

// ---------------------------------------------------------------------------
// Minimal cookie jar (name, path, expiry) — enough for oidc-provider cookies.
// ---------------------------------------------------------------------------
class CookieJar {
  constructor() { this.cookies = new Map(); }

  store(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let cookiePath = '/';
      let expired = value === '';
      for (const attribute of attributes) {
        const [k, v = ''] = attribute.split('=');
        const key = k.toLowerCase();
        if (key === 'path') cookiePath = v || '/';
        if (key === 'max-age' && Number(v) <= 0) expired = true;
        if (key === 'expires' && Date.parse(v) <= Date.now()) expired = true;
      }
      const id = `${name};${cookiePath}`;
      if (expired) this.cookies.delete(id);
      else this.cookies.set(id, { name, value, path: cookiePath });
    }
  }

  header(url) {
    const { pathname } = new URL(url);
    return [...this.cookies.values()]
      .filter((c) => pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

async function request(jar, url, { method = 'GET', form, json, headers = {} } = {}) {
  const init = { method, redirect: 'manual', headers: { ...headers } };
  const cookie = jar?.header(url);
  if (cookie) init.headers.cookie = cookie;
  if (form) {
    init.body = new URLSearchParams(form).toString();
    init.headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (json) {
    init.body = JSON.stringify(json);
    init.headers['content-type'] = 'application/json';
  }
  const response = await fetch(url, init);
  jar?.store(response);
  const location = response.headers.get('location');
  return {
    status: response.status,
    headers: response.headers,
    location: location ? new URL(location, url).href : null,
    text: await response.text(),
  };
}

// ---------------------------------------------------------------------------
// JWT verification with node:crypto against the provider's JWKS
// ---------------------------------------------------------------------------
function decodePart(part) {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

function verifyJwt(jwt, jwks) {
  const [h, p, s] = String(jwt).split('.');
  if (!h || !p || !s) return { header: {}, payload: {}, valid: false, reason: 'not a JWT' };
  const header = decodePart(h);
  const payload = decodePart(p);
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk) return { header, payload, valid: false, reason: `no key ${header.kid}` };
  const key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
  const data = Buffer.from(`${h}.${p}`);
  const signature = Buffer.from(s, 'base64url');
  let valid;
  if (header.alg === 'RS256' && jwk.kty === 'RSA') {
    valid = crypto.verify('sha256', data, key, signature);
  } else if (header.alg === 'ES256' && jwk.kty === 'EC') {
    valid = crypto.verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } else {
    valid = false;
  }
  return { header, payload, valid };
}

function pkcePair() {
  const verifier = crypto.randomBytes(32).toString('base64url');
  return { verifier, challenge: crypto.createHash('sha256').update(verifier).digest('base64url') };
}

// ---------------------------------------------------------------------------
// Server process
// ---------------------------------------------------------------------------
async function startServer(alg) {
  const child = spawn(process.execPath, [
    path.join(here, 'server.mjs'), '--port', '0',
    '--client-id', CLIENT_ID, '--client-secret', CLIENT_SECRET,
    '--redirect-uri', REDIRECT_URI, '--post-logout-redirect-uri', POST_LOGOUT_URI,
    '--id-token-alg', alg,
  ], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr = [];
  child.stderr.on('data', (d) => stderr.push(d));
  const lines = readline.createInterface({ input: child.stdout });
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const [line] = await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(() => { throw new Error(`server exited early:\n${Buffer.concat(stderr)}`); }),
  ]);
  clearTimeout(timer);
  const extra = [];
  lines.on('line', (l) => extra.push(l));
  const match = /^ready (http:\/\/127\.0\.0\.1:\d+\/api\/v2)$/.exec(line);
  if (!match) throw new Error(`unexpected first line: ${line}`);
  return { child, issuer: match[1], extra, stderr };
}

// ---------------------------------------------------------------------------
// Flows
// ---------------------------------------------------------------------------
function authorizationUrl(meta, { state, nonce, challenge, extra = {} }) {
  const url = new URL(meta.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope: SCOPE,
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    claims: ACR_CLAIMS,
    ...extra,
  }).toString();
  return url.href;
}

// GET authorize → 303 interaction → POST login → 303 resume → 303 redirect_uri
async function login(meta, jar, email, { extra, loginVia = 'post', fields = {} } = {}) {
  const state = crypto.randomBytes(24).toString('base64url');
  const nonce = crypto.randomBytes(24).toString('base64url');
  const { verifier, challenge } = pkcePair();
  const trail = [];
  let res = await request(jar, authorizationUrl(meta, { state, nonce, challenge, extra }));
  trail.push(res.status);
  if (res.status === 303 && res.location.includes('/interaction/')) {
    const interactionUrl = res.location;
    const page = await request(jar, interactionUrl);
    trail.push(page.status);
    res = loginVia === 'get'
      ? await request(jar, `${interactionUrl}/login?${new URLSearchParams({ email, ...fields })}`)
      : await request(jar, `${interactionUrl}/login`, { method: 'POST', form: { login: email, ...fields } });
    trail.push(res.status);
  }
  // follow the provider's own redirects until we leave it
  for (let i = 0; i < 10 && res.status === 303 && res.location.startsWith(meta.issuer); i += 1) {
    res = await request(jar, res.location);
    trail.push(res.status);
  }
  const final = res.location ? new URL(res.location) : null;
  return { res, final, state, nonce, verifier, trail };
}

async function exchange(meta, code, verifier, overrides = {}) {
  const response = await fetch(meta.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(overrides.headers || {}) },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      ...(overrides.form || {}),
    }).toString(),
  });
  return { status: response.status, body: await response.json() };
}

async function run(alg) {
  console.log(`\n== ${alg}`);
  const server = await startServer(alg);
  const { issuer } = server;
  try {
    // ---- discovery and keys
    const meta = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
    check(meta.issuer === issuer, 'discovery: issuer ends in /api/v2', meta.issuer);
    for (const [name, suffix] of [['authorization_endpoint', '/authorize'], ['token_endpoint', '/token'],
      ['userinfo_endpoint', '/userinfo'], ['jwks_uri', '/jwks'], ['end_session_endpoint', '/session/end']]) {
      check(meta[name] === `${issuer}${suffix}`, `discovery: ${name} under /api/v2`, meta[name]);
    }
    check(JSON.stringify(meta.token_endpoint_auth_methods_supported) === '["client_secret_post"]', 'discovery: client_secret_post only');
    check(JSON.stringify(meta.code_challenge_methods_supported) === '["S256"]', 'discovery: PKCE S256');
    check(meta.claims_parameter_supported === true, 'discovery: claims parameter supported');
    check(meta.userinfo_signing_alg_values_supported?.includes(alg), 'discovery: userinfo signing alg');
    for (const scope of SCOPE.split(' ')) {
      if (!meta.scopes_supported.includes(scope)) check(false, `discovery: scope ${scope}`);
    }
    const jwks = await (await fetch(meta.jwks_uri)).json();
    check(jwks.keys.some((k) => k.kty === 'RSA') && jwks.keys.some((k) => k.kty === 'EC' && k.crv === 'P-256'),
      'jwks: one RSA and one EC P-256 key');
    check(jwks.keys.every((k) => !('d' in k)), 'jwks: public parts only');

    // ---- PKCE required
    {
      const url = new URL(authorizationUrl(meta, { state: 'no-pkce-state', nonce: 'n'.repeat(32), challenge: 'x' }));
      url.searchParams.delete('code_challenge');
      url.searchParams.delete('code_challenge_method');
      const res = await request(new CookieJar(), url.href);
      const back = res.location ? new URL(res.location) : null;
      check(res.status === 303 && back?.searchParams.get('error') === 'invalid_request'
        && back.searchParams.get('state') === 'no-pkce-state', 'authorize without PKCE → invalid_request', res.location);
    }

    // ---- successful login (Marie Curie)
    const jar = new CookieJar();
    const flow = await login(meta, jar, 'marie.curie@numerique.gouv.fr');
    check(flow.trail.join(' ') === '303 200 303 303', 'login: authorize 303 → interaction 200 → login 303 → resume 303', flow.trail.join(' '));
    check(flow.final && `${flow.final.origin}${flow.final.pathname}` === REDIRECT_URI, 'login: lands on the redirect URI', flow.res.location);
    check(flow.final?.searchParams.get('state') === flow.state, 'login: state echoed');
    check(flow.final?.searchParams.get('iss') === issuer, 'login: iss in the authorization response');
    const code = flow.final?.searchParams.get('code');
    check(Boolean(code), 'login: code returned');

    // wrong client authentication is refused
    const basic = await exchange(meta, code, flow.verifier, {
      form: { client_secret: '' },
      headers: { authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}` },
    });
    check(basic.status === 401 && basic.body.error === 'invalid_client', 'token: client_secret_basic refused (invalid_client)', basic);

    const tokens = await exchange(meta, code, flow.verifier);
    check(tokens.status === 200 && tokens.body.id_token && tokens.body.access_token, 'token: client_secret_post exchange', tokens);
    const id = verifyJwt(tokens.body.id_token, jwks);
    const now = Math.floor(Date.now() / 1000);
    check(id.valid, 'id_token: signature valid against JWKS');
    check(id.header.alg === alg, `id_token: alg ${alg}`, id.header.alg);
    check(id.payload.iss === issuer, 'id_token: iss', id.payload.iss);
    check(id.payload.aud === CLIENT_ID, 'id_token: aud', id.payload.aud);
    check(id.payload.nonce === flow.nonce, 'id_token: nonce', id.payload.nonce);
    check(id.payload.acr === 'eidas1', 'id_token: acr eidas1', id.payload.acr);
    check(id.payload.exp > now && id.payload.iat <= now + 1, 'id_token: exp in the future');
    const marieSub = id.payload.sub;
    check(typeof marieSub === 'string' && marieSub.length > 10, 'id_token: sub', marieSub);

    // userinfo as a signed JWT
    const ui = await fetch(meta.userinfo_endpoint, { headers: { authorization: `Bearer ${tokens.body.access_token}` } });
    const uiType = ui.headers.get('content-type') || '';
    const uiJwt = await ui.text();
    check(ui.status === 200 && uiType.split(';')[0] === 'application/jwt', 'userinfo: 200 application/jwt', `${ui.status} ${uiType}`);
    const info = verifyJwt(uiJwt, jwks);
    check(info.valid && info.header.alg === alg, `userinfo: signed ${alg}, valid against JWKS`);
    check(info.payload.iss === issuer && info.payload.aud === CLIENT_ID, 'userinfo: iss and aud');
    check(info.payload.sub === marieSub, 'userinfo: same sub as the ID token');
    const expected = {
      email: 'marie.curie@numerique.gouv.fr', given_name: 'Marie', usual_name: 'Curie', uid: 'mcurie',
      siret: '13002526500013', organization_label: 'Direction interministérielle du numérique (DINUM)',
    };
    for (const [k, v] of Object.entries(expected)) check(info.payload[k] === v, `userinfo: ${k}`, info.payload[k]);
    check(typeof info.payload.idp_id === 'string' && info.payload.idp_id.length > 0, 'userinfo: idp_id');

    // code reuse: invalid_grant, and the tokens issued from that code are revoked
    const reuse = await exchange(meta, code, flow.verifier);
    check(reuse.status === 400 && reuse.body.error === 'invalid_grant', 'token: code reused → invalid_grant', reuse);
    const revoked = await fetch(meta.userinfo_endpoint, { headers: { authorization: `Bearer ${tokens.body.access_token}` } });
    check(revoked.status === 401, 'token: code reuse revoked the access token issued from it', revoked.status);

    // ---- SSO: a second authorization with the same cookies needs no login
    {
      const again = await login(meta, jar, 'ignored@example.org');
      check(again.trail.join(' ') === '303' && again.final?.searchParams.get('code'), 'sso: second authorize → straight back with a code', again.trail.join(' '));
    }

    // ---- RP-initiated logout
    {
      const logoutState = crypto.randomBytes(24).toString('base64url');
      const url = `${meta.end_session_endpoint}?${new URLSearchParams({
        id_token_hint: tokens.body.id_token, state: logoutState, post_logout_redirect_uri: POST_LOGOUT_URI,
      })}`;
      const first = await request(jar, url);
      check(first.status === 303 && first.location?.startsWith(`${issuer}/session/end/auto?xsrf=`), 'logout: end_session 303 → /session/end/auto', `${first.status} ${first.location}`);
      const second = await request(jar, first.location);
      const back = second.location ? new URL(second.location) : null;
      check(second.status === 303 && back && `${back.origin}${back.pathname}` === POST_LOGOUT_URI, 'logout: 303 → post_logout_redirect_uri', `${second.status} ${second.location}`);
      check(back?.searchParams.get('state') === logoutState, 'logout: state echoed');
      const after = await login(meta, jar, 'jean.moulin@interieur.gouv.fr');
      check(after.trail[0] === 303 && after.trail.length > 1, 'logout: next authorize asks for login again', after.trail.join(' '));
      const t = await exchange(meta, after.final.searchParams.get('code'), after.verifier);
      const p = verifyJwt(t.body.id_token, jwks).payload;
      check(p.sub !== marieSub && p.nonce === after.nonce, 'logout: next login is a different user (Jean Moulin)');
    }

    // ---- switching user inside one cookie jar (prompt=login)
    {
      const j = new CookieJar();
      await login(meta, j, 'marie.curie@numerique.gouv.fr');
      const other = await login(meta, j, 'jean.moulin@interieur.gouv.fr', { extra: { prompt: 'login' } });
      const c = other.final?.searchParams.get('code');
      const t = c ? await exchange(meta, c, other.verifier) : { body: {} };
      const p = t.body.id_token ? verifyJwt(t.body.id_token, jwks).payload : {};
      check(c && p.sub && p.sub !== marieSub, 'prompt=login: switching user in the same jar works over plain HTTP', other.trail.join(' '));
    }

    // ---- cancel
    {
      const j = new CookieJar();
      const state = crypto.randomBytes(24).toString('base64url');
      const { challenge } = pkcePair();
      const start = await request(j, authorizationUrl(meta, { state, nonce: 'n'.repeat(32), challenge }));
      const abort = await request(j, `${start.location}/abort`);
      check(abort.status === 303 && abort.location?.startsWith(`${issuer}/authorize/`), 'cancel: abort 303 → resume', `${abort.status} ${abort.location}`);
      const back = await request(j, abort.location);
      const u = back.location ? new URL(back.location) : null;
      check(back.status === 303 && u && `${u.origin}${u.pathname}` === REDIRECT_URI, 'cancel: 303 → redirect URI');
      check(u?.searchParams.get('error') === 'access_denied' && u.searchParams.get('state') === state, 'cancel: error=access_denied with state', back.location);
    }

    // ---- tamper: wrong nonce
    {
      const armed = await request(null, `${new URL(issuer).origin}/test/next-id-token`, { method: 'POST', json: { nonce: 'wrong' } });
      check(armed.status === 200, 'tamper: POST /test/next-id-token {"nonce":"wrong"}', armed.text);
      const f = await login(meta, new CookieJar(), 'marie.curie@numerique.gouv.fr', { loginVia: 'get' });
      const t = await exchange(meta, f.final.searchParams.get('code'), f.verifier);
      const v = verifyJwt(t.body.id_token, jwks);
      check(v.valid && v.payload.nonce === 'wrong' && f.nonce !== 'wrong', 'tamper nonce: signature valid, nonce is "wrong"', v.payload.nonce);
      const f2 = await login(meta, new CookieJar(), 'marie.curie@numerique.gouv.fr');
      const t2 = await exchange(meta, f2.final.searchParams.get('code'), f2.verifier);
      check(verifyJwt(t2.body.id_token, jwks).payload.nonce === f2.nonce, 'tamper nonce: only the next ID token is affected');
    }

    // ---- tamper: expired
    {
      await request(null, `${new URL(issuer).origin}/test/next-id-token`, { method: 'POST', json: { expired: true } });
      const f = await login(meta, new CookieJar(), 'marie.curie@numerique.gouv.fr');
      const t = await exchange(meta, f.final.searchParams.get('code'), f.verifier);
      const v = verifyJwt(t.body.id_token, jwks);
      const n = Math.floor(Date.now() / 1000);
      check(v.valid && v.payload.exp < n - 600 && v.payload.nonce === f.nonce, 'tamper expired: signature valid, exp an hour ago', v.payload.exp - n);
    }

    // ---- tamper: bad signature
    {
      await request(null, `${new URL(issuer).origin}/test/next-id-token`, { method: 'POST', json: { bad_signature: true } });
      const f = await login(meta, new CookieJar(), 'marie.curie@numerique.gouv.fr');
      const t = await exchange(meta, f.final.searchParams.get('code'), f.verifier);
      const v = verifyJwt(t.body.id_token, jwks);
      check(!v.valid && v.payload.nonce === f.nonce, 'tamper bad_signature: signature invalid, claims intact');
    }

    // ---- unknown user: any e-mail logs in, sub derived from it
    {
      const f = await login(meta, new CookieJar(), 'Inconnu.Total@example.org', { fields: { siret: '21750001600019' } });
      const t = await exchange(meta, f.final.searchParams.get('code'), f.verifier);
      const sub = verifyJwt(t.body.id_token, jwks).payload.sub;
      const expectedSub = `${crypto.createHash('sha256').update('metiers-test-oidc:inconnu.total@example.org').digest('hex')}v1`;
      check(sub === expectedSub, 'unknown user: sub = sha256("metiers-test-oidc:" + lowercase email) + "v1"', sub);
      const u = await fetch(meta.userinfo_endpoint, { headers: { authorization: `Bearer ${t.body.access_token}` } });
      const p = verifyJwt(await u.text(), jwks).payload;
      check(p.email === 'Inconnu.Total@example.org' && p.given_name === 'Inconnu' && p.usual_name === 'Total'
        && p.siret === '21750001600019', 'unknown user: userinfo claims (with siret given at login)', p);
    }

    // ---- one line on stdout only
    check(server.extra.length === 0, 'stdout: only the ready line', server.extra);
  } finally {
    const exited = once(server.child, 'exit');
    server.child.stdin.end(); // closing stdin must stop the server
    const timeout = new Promise((resolve) => { setTimeout(() => resolve('timeout'), 3000).unref(); });
    const result = await Promise.race([exited, timeout]);
    check(result !== 'timeout', 'shutdown: server exits when stdin closes');
    if (result === 'timeout') server.child.kill('SIGKILL');
    if (failures) process.stderr.write(`--- server stderr (${alg}) ---\n${Buffer.concat(server.stderr)}\n`);
  }
}

const algs = process.argv.slice(2).length ? process.argv.slice(2) : ['RS256', 'ES256'];
try {
  for (const alg of algs) await run(alg);
} catch (err) {
  failures += 1;
  console.log(`  FAIL ${err.stack || err}`);
}
console.log(failures ? `\n${failures} check(s) failed` : '\nall checks passed');
process.exit(failures ? 1 : 0);
