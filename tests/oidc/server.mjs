#!/usr/bin/env node
// A real OpenID provider (panva's certified `oidc-provider`) configured like
// ProConnect, for the integration tests of Métiers du Numérique.
//
//   node tests/oidc/server.mjs --port 0 --client-id ID --client-secret SECRET \
//        --redirect-uri URI --post-logout-redirect-uri URI \
//        [--id-token-alg RS256|ES256] [--users FILE]
//
// Prints exactly one line `ready http://127.0.0.1:PORT/api/v2` on stdout once
// it accepts requests; everything else goes to stderr. See README.md for the
// HTTP sequences the tests drive.

import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as querystring from 'node:querystring';
import { parseArgs } from 'node:util';

import Provider from 'oidc-provider';

// Everything but the ready line goes to stderr (oidc-provider prints its
// notices with console.info, which would otherwise land on stdout).
const log = (...args) => console.error('[oidc]', ...args);
console.log = log;
console.info = log;
console.debug = log;
console.warn = log;

const PREFIX = '/api/v2';

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

function usage(message) {
  if (message) process.stderr.write(`error: ${message}\n`);
  process.stderr.write(`usage: node server.mjs --port PORT --client-id ID --client-secret SECRET
         --redirect-uri URI [--redirect-uri URI ...]
         --post-logout-redirect-uri URI [--post-logout-redirect-uri URI ...]
         [--id-token-alg RS256|ES256] [--users FILE] [--quiet]
`);
  process.exit(2);
}

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'redirect-uri': { type: 'string', multiple: true },
      'post-logout-redirect-uri': { type: 'string', multiple: true },
      'id-token-alg': { type: 'string', default: 'RS256' },
      users: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }));
} catch (err) {
  usage(err.message);
}
if (args.help) usage();
for (const required of ['client-id', 'client-secret', 'redirect-uri', 'post-logout-redirect-uri']) {
  if (!args[required] || args[required].length === 0) usage(`--${required} is required`);
}
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) usage('--port must be 0..65535');
const alg = args['id-token-alg'];
if (alg !== 'RS256' && alg !== 'ES256') usage('--id-token-alg must be RS256 or ES256');

// ---------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------

const CLAIM_NAMES = ['email', 'given_name', 'usual_name', 'uid', 'siret', 'idp_id', 'organization_label'];

// ProConnect's `sub` is an opaque per-identity-provider string; ours is a
// stable function of the e-mail address so tests can predict it.
function subForEmail(email) {
  return `${crypto.createHash('sha256').update(`metiers-test-oidc:${email.toLowerCase()}`).digest('hex')}v1`;
}

function titleCase(word) {
  return word ? word.charAt(0).toUpperCase() + word.slice(1).toLowerCase() : word;
}

// A user nobody declared: still a valid ProConnect identity.
function userForUnknownEmail(email, overrides = {}) {
  const local = email.split('@')[0] || 'agent';
  const [first, ...rest] = local.split(/[._-]+/).filter(Boolean);
  const base = {
    sub: subForEmail(email),
    email,
    given_name: titleCase(first) || 'Agent',
    usual_name: rest.length ? rest.map(titleCase).join(' ') : 'Inconnu',
    uid: crypto.createHash('sha256').update(`uid:${email.toLowerCase()}`).digest('hex').slice(0, 12),
    siret: '12345678900015',
    idp_id: '00000000-0000-4000-8000-000000000000',
    organization_label: 'Organisation de test',
  };
  for (const name of CLAIM_NAMES) {
    if (name !== 'email' && typeof overrides[name] === 'string' && overrides[name] !== '') {
      base[name] = overrides[name];
    }
  }
  return base;
}

const DEFAULT_USERS = [
  {
    sub: subForEmail('marie.curie@numerique.gouv.fr'),
    email: 'marie.curie@numerique.gouv.fr',
    given_name: 'Marie',
    usual_name: 'Curie',
    uid: 'mcurie',
    siret: '13002526500013',
    idp_id: '7d8c5a4e-2f1b-4c3d-9e8f-0a1b2c3d4e5f',
    organization_label: 'Direction interministérielle du numérique (DINUM)',
  },
  {
    sub: subForEmail('jean.moulin@interieur.gouv.fr'),
    email: 'jean.moulin@interieur.gouv.fr',
    given_name: 'Jean',
    usual_name: 'Moulin',
    uid: 'jmoulin',
    siret: '11000201100044',
    idp_id: '3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d',
    organization_label: "Ministère de l'Intérieur",
  },
];

function loadUsers(file) {
  if (!file) return DEFAULT_USERS;
  let list;
  try {
    list = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    usage(`cannot read --users ${file}: ${err.message}`);
  }
  if (!Array.isArray(list)) usage('--users must hold a JSON array');
  return list.map((entry, i) => {
    if (!entry || typeof entry.email !== 'string' || !entry.email.includes('@')) {
      usage(`--users entry ${i} has no valid "email"`);
    }
    const user = { ...userForUnknownEmail(entry.email), sub: subForEmail(entry.email) };
    for (const [key, value] of Object.entries(entry)) {
      if (value !== undefined && value !== null) user[key] = String(value);
    }
    return user;
  });
}

const declaredUsers = loadUsers(args.users);
const usersBySub = new Map(declaredUsers.map((u) => [u.sub, u]));
const usersByEmail = new Map(declaredUsers.map((u) => [u.email.toLowerCase(), u]));

function userForLogin(email, overrides) {
  const known = usersByEmail.get(email.toLowerCase());
  if (known) return known;
  const user = userForUnknownEmail(email, overrides);
  usersBySub.set(user.sub, user);
  return user;
}

// ---------------------------------------------------------------------------
// Signing keys: one RSA and one EC P-256 key, fresh at every start.
// ---------------------------------------------------------------------------

function thumbprint(jwk) {
  const members = jwk.kty === 'RSA'
    ? { e: jwk.e, kty: jwk.kty, n: jwk.n }
    : { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
  return crypto.createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}

function makeKey(type, options) {
  const { privateKey } = crypto.generateKeyPairSync(type, options);
  const jwk = privateKey.export({ format: 'jwk' });
  jwk.kid = thumbprint(jwk);
  jwk.use = 'sig';
  return { jwk, privateKey };
}

const rsaKey = makeKey('rsa', { modulusLength: 2048 });
const ecKey = makeKey('ec', { namedCurve: 'P-256' });
const privateKeysByKid = new Map([[rsaKey.jwk.kid, rsaKey.privateKey], [ecKey.jwk.kid, ecKey.privateKey]]);

// ---------------------------------------------------------------------------
// Test-only tampering of the next ID token (POST /test/next-id-token)
// ---------------------------------------------------------------------------

let nextIdTokenTamper = null;

function b64json(part) {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

// Re-sign an ID token the provider just issued, after changing its claims.
// The signature stays valid (same key, same kid, same alg) unless
// `bad_signature` is asked, so only the tampered claim is wrong.
function tamperIdToken(jwt, tamper) {
  const [headerPart, payloadPart] = jwt.split('.');
  const header = b64json(headerPart);
  const payload = b64json(payloadPart);
  const now = Math.floor(Date.now() / 1000);
  if ('nonce' in tamper) {
    if (tamper.nonce === null) delete payload.nonce;
    else payload.nonce = String(tamper.nonce);
  }
  if (tamper.expired) {
    payload.iat = now - 2 * 3600;
    payload.exp = now - 3600;
  }
  if (tamper.claims && typeof tamper.claims === 'object') {
    for (const [key, value] of Object.entries(tamper.claims)) {
      if (value === null) delete payload[key];
      else payload[key] = value;
    }
  }
  const key = privateKeysByKid.get(header.kid);
  if (!key) throw new Error(`no private key for kid ${header.kid}`);
  const signingInput = `${headerPart}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  const signature = header.alg === 'ES256'
    ? crypto.sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' })
    : crypto.sign('sha256', Buffer.from(signingInput), key);
  if (tamper.bad_signature) signature[signature.length - 1] ^= 0xff;
  return `${signingInput}.${signature.toString('base64url')}`;
}

// ---------------------------------------------------------------------------
// Provider configuration
// ---------------------------------------------------------------------------

const ACR_VALUES = ['eidas1', 'eidas2', 'eidas3'];

// The acr the "identity provider" reaches: the first value the client asked
// for (claims parameter or acr_values), eidas1 when it asked for none.
function chooseAcr(params) {
  let wanted = [];
  try {
    const acr = params.claims ? JSON.parse(params.claims)?.id_token?.acr : undefined;
    if (acr?.value) wanted = [acr.value];
    else if (Array.isArray(acr?.values)) wanted = acr.values;
  } catch {
    // the provider already rejected malformed claims parameters
  }
  if (wanted.length === 0 && typeof params.acr_values === 'string') {
    wanted = params.acr_values.split(' ').filter(Boolean);
  }
  return wanted.find((v) => typeof v === 'string' && v) || 'eidas1';
}

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  })[c]);
}

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

function createProvider(issuer) {
  const configuration = {
    clients: [{
      client_id: args['client-id'],
      client_secret: args['client-secret'],
      redirect_uris: args['redirect-uri'],
      post_logout_redirect_uris: args['post-logout-redirect-uri'],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
      id_token_signed_response_alg: alg,
      userinfo_signed_response_alg: alg,
    }],
    clientAuthMethods: ['client_secret_post'],
    jwks: { keys: [rsaKey.jwk, ecKey.jwk] },
    cookies: {
      keys: [crypto.randomBytes(32).toString('hex')],
      // Distinct names: the application under test also lives on 127.0.0.1,
      // and cookies are shared across ports.
      names: { session: 'oidc_session', interaction: 'oidc_interaction', resume: 'oidc_interaction_resume' },
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    // ProConnect: one scope per claim, with the same name.
    claims: {
      openid: ['sub'],
      email: ['email'],
      given_name: ['given_name'],
      usual_name: ['usual_name'],
      uid: ['uid'],
      siret: ['siret'],
      idp_id: ['idp_id'],
      organization_label: ['organization_label'],
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
    },
    scopes: ['openid'],
    acrValues: ACR_VALUES,
    responseTypes: ['code'],
    pkce: { methods: ['S256'], required: () => true },
    routes: {
      authorization: '/authorize',
      token: '/token',
      userinfo: '/userinfo',
      jwks: '/jwks',
      end_session: '/session/end',
    },
    features: {
      devInteractions: { enabled: false },
      claimsParameter: { enabled: true },
      jwtUserinfo: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // Never shown: the logout confirmation is submitted automatically
        // (see the post-processing middleware below).
        async logoutSource(ctx, form) {
          ctx.body = page('Déconnexion', `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Se déconnecter</button>`);
        },
        async postLogoutSuccessSource(ctx) {
          ctx.body = page('Déconnexion réussie', '<p>Vous êtes déconnecté.</p>');
        },
      },
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      resourceIndicators: { enabled: false },
    },
    enabledJWA: {
      idTokenSigningAlgValues: ['RS256', 'ES256'],
      userinfoSigningAlgValues: ['RS256', 'ES256'],
    },
    ttl: {
      AccessToken: 300,
      AuthorizationCode: 60,
      IdToken: 300,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    clientBasedCORS: () => false,
    interactions: {
      url: (_ctx, interaction) => `${issuer}/interaction/${interaction.uid}`,
    },
    async findAccount(_ctx, sub) {
      const user = usersBySub.get(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        async claims() {
          const claims = { sub: user.sub };
          for (const name of CLAIM_NAMES) {
            if (user[name] !== undefined) claims[name] = user[name];
          }
          return claims;
        },
      };
    },
    // Consent is implicit, as with ProConnect: every scope and claim the
    // client asks for is granted as soon as the user is logged in.
    async loadExistingGrant(ctx) {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId || oidc.session.grantIdFor(oidc.client.clientId);
      let grant = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      if (!grant && oidc.session.accountId) {
        grant = new oidc.provider.Grant({ accountId: oidc.session.accountId, clientId: oidc.client.clientId });
      }
      if (grant) {
        grant.addOIDCScope(oidc.requestParamOIDCScopes);
        grant.addOIDCClaims(oidc.requestParamClaims);
        await grant.save();
      }
      return grant;
    },
    async renderError(ctx, out, error) {
      log('error page:', out.error, out.error_description || '', error?.message || '');
      ctx.type = 'html';
      ctx.body = page('Erreur', Object.entries(out)
        .map(([k, v]) => `<p><strong>${escapeHtml(k)}</strong> : <code>${escapeHtml(v)}</code></p>`)
        .join('\n'));
    },
  };

  const provider = new Provider(issuer, configuration);

  for (const event of [
    'authorization.error', 'end_session.error', 'grant.error', 'interaction.error',
    'jwks.error', 'discovery.error', 'userinfo.error', 'server_error',
  ]) {
    provider.on(event, (ctx, err) => log(`${event}:`, err?.name, err?.message, err?.error_description || ''));
  }

  // oidc-provider treats client_secret_basic and client_secret_post as
  // interchangeable for a secret-based client; ProConnect's clients use the
  // request body, so a secret sent in an Authorization header is refused.
  provider.use(async (ctx, next) => {
    if (ctx.method === 'POST' && ctx.path === '/token' && ctx.headers.authorization !== undefined) {
      log('token: Authorization header refused, client_secret_post only');
      ctx.status = 401;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        error: 'invalid_client',
        error_description: 'client authentication failed: use client_secret_post (client_id and client_secret in the request body)',
      };
      return;
    }
    await next();
  });

  // Post-processing of the provider's own responses.
  provider.use(async (ctx, next) => {
    await next();
    const route = ctx.oidc?.route;

    // Test hook: tamper with the next ID token the token endpoint returns.
    if (route === 'token' && ctx.status === 200 && nextIdTokenTamper && ctx.body?.id_token) {
      const tamper = nextIdTokenTamper;
      nextIdTokenTamper = null;
      ctx.body = { ...ctx.body, id_token: tamperIdToken(ctx.body.id_token, tamper) };
      log('next-id-token: tampered ID token issued', JSON.stringify(tamper));
    }

    // No interactive logout confirmation: wherever oidc-provider answers with
    // its logout form (RP-initiated logout, or switching to another user), we
    // answer 303 to /session/end/auto, which submits that form for the user.
    if ((route === 'end_session' || route === 'resume') && ctx.status === 200
        && typeof ctx.body === 'string' && ctx.body.includes('/session/end/confirm')) {
      const secret = ctx.oidc.session?.state?.secret;
      if (secret) {
        ctx.status = 303;
        ctx.redirect(`${issuer}/session/end/auto?${querystring.stringify({ xsrf: secret })}`);
      }
    }
  });

  return provider;
}

// ---------------------------------------------------------------------------
// HTTP front: our own routes, then oidc-provider mounted under /api/v2
// ---------------------------------------------------------------------------

let provider;
let issuer;

async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 64 * 1024) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const type = (req.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
  if (!text) return {};
  if (type === 'application/json') return JSON.parse(text);
  return querystring.parse(text);
}

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

function sendJson(res, status, value) {
  send(res, status, 'application/json; charset=utf-8', `${JSON.stringify(value)}\n`);
}

function firstString(value) {
  return Array.isArray(value) ? value[0] : value;
}

async function interactionRoute(req, res, url, uid, action) {
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (err) {
    log('interaction:', err.name, err.message);
    return send(res, 400, 'text/html; charset=utf-8',
      page('Session de connexion introuvable', `<p>${escapeHtml(err.message)}</p>`));
  }
  if (details.uid !== uid) {
    return send(res, 400, 'text/html; charset=utf-8',
      page('Session de connexion introuvable', '<p>interaction cookie and URL do not match</p>'));
  }
  const { prompt, params } = details;

  if (action === '' && req.method === 'GET') {
    if (prompt.name === 'consent') return finishConsent(req, res, details);
    const wantsJson = url.searchParams.get('format') === 'json'
      || (req.headers.accept || '').includes('application/json');
    if (wantsJson) {
      return sendJson(res, 200, {
        uid, prompt: prompt.name, reasons: prompt.reasons, client_id: params.client_id, scope: params.scope,
        login: `${issuer}/interaction/${uid}/login`, abort: `${issuer}/interaction/${uid}/abort`,
      });
    }
    const users = [...usersByEmail.values()].map((u) => `<li><code>${escapeHtml(u.email)}</code></li>`).join('');
    return send(res, 200, 'text/html; charset=utf-8', page('Connexion — fournisseur d\'identité de test', `
<p>Client : <code>${escapeHtml(params.client_id)}</code>. N'importe quelle adresse est acceptée.</p>
<form method="post" action="${escapeHtml(`${issuer}/interaction/${uid}/login`)}">
  <label for="login">Adresse électronique</label>
  <input id="login" name="login" type="email" required autofocus value="${escapeHtml(params.login_hint || '')}">
  <button type="submit">Se connecter</button>
</form>
<form method="post" action="${escapeHtml(`${issuer}/interaction/${uid}/abort`)}">
  <button type="submit">Annuler</button>
</form>
<p>Comptes déclarés :</p><ul>${users}</ul>`));
  }

  if (action === '/abort' && (req.method === 'GET' || req.method === 'POST')) {
    if (req.method === 'POST') await readBody(req);
    log(`interaction ${uid}: user cancelled`);
    return provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'End-User aborted interaction',
    }, { mergeWithLastSubmission: false });
  }

  if (action === '/login' && (req.method === 'GET' || req.method === 'POST')) {
    const form = req.method === 'POST' ? await readBody(req) : Object.fromEntries(url.searchParams);
    if (prompt.name === 'consent') return finishConsent(req, res, details);
    const email = String(firstString(form.login) ?? firstString(form.email) ?? '').trim();
    if (!email || !email.includes('@')) {
      return send(res, 400, 'text/html; charset=utf-8', page('Adresse manquante', '<p>field "login" (or "email") must hold an e-mail address</p>'));
    }
    const overrides = {};
    for (const name of CLAIM_NAMES) {
      const value = firstString(form[name]);
      if (typeof value === 'string') overrides[name] = value;
    }
    const user = userForLogin(email, overrides);
    const acr = chooseAcr(params);
    log(`interaction ${uid}: login ${user.email} (sub ${user.sub}, acr ${acr})`);
    return provider.interactionFinished(req, res, {
      login: { accountId: user.sub, acr, amr: ['pwd'], remember: true },
    }, { mergeWithLastSubmission: false });
  }

  return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
}

async function finishConsent(req, res, details) {
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  if (details.prompt.details.missingOIDCScope) grant.addOIDCScope(details.prompt.details.missingOIDCScope.join(' '));
  if (details.prompt.details.missingOIDCClaims) grant.addOIDCClaims(details.prompt.details.missingOIDCClaims);
  const grantId = await grant.save();
  return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

async function testRoute(req, res, url) {
  if (url.pathname === '/test/next-id-token') {
    if (req.method === 'POST') {
      let body;
      try {
        body = await readBody(req);
      } catch (err) {
        return sendJson(res, 400, { error: 'invalid_request', error_description: err.message });
      }
      const tamper = {};
      if ('nonce' in body) tamper.nonce = body.nonce;
      if (body.expired === true || body.expired === 'true') tamper.expired = true;
      if (body.bad_signature === true || body.bad_signature === 'true') tamper.bad_signature = true;
      if (body.claims && typeof body.claims === 'object') tamper.claims = body.claims;
      nextIdTokenTamper = Object.keys(tamper).length ? tamper : null;
      log('next-id-token: armed', JSON.stringify(nextIdTokenTamper));
      return sendJson(res, 200, { armed: nextIdTokenTamper });
    }
    if (req.method === 'DELETE') {
      nextIdTokenTamper = null;
      return sendJson(res, 200, { armed: null });
    }
    if (req.method === 'GET') return sendJson(res, 200, { armed: nextIdTokenTamper });
    return sendJson(res, 405, { error: 'method_not_allowed' });
  }
  if (url.pathname === '/test/users' && req.method === 'GET') {
    return sendJson(res, 200, [...usersBySub.values()]);
  }
  return sendJson(res, 404, { error: 'not_found' });
}

async function handle(req, res) {
  const url = new URL(req.url, issuer);
  const started = Date.now();
  const { method } = req;
  res.on('finish', () => {
    if (!args.quiet) log(`${method} ${url.pathname} -> ${res.statusCode} (${Date.now() - started} ms)`);
  });

  if (url.pathname.startsWith('/test/')) return testRoute(req, res, url);

  const interaction = url.pathname.match(/^\/api\/v2\/interaction\/([A-Za-z0-9_-]+)(\/login|\/abort)?\/?$/);
  if (interaction) return interactionRoute(req, res, url, interaction[1], interaction[2] || '');

  if (url.pathname === `${PREFIX}/session/end/auto` && req.method === 'GET') {
    // Submit oidc-provider's logout confirmation form on the user's behalf:
    // this request becomes POST /session/end/confirm with xsrf + logout=yes.
    for await (const _ of req); // drain, so oidc-provider uses req.body
    const body = { xsrf: url.searchParams.get('xsrf') || '', logout: 'yes' };
    req.method = 'POST';
    req.headers['content-type'] = 'application/x-www-form-urlencoded';
    req.headers['content-length'] = String(Buffer.byteLength(querystring.stringify(body)));
    delete req.headers['transfer-encoding'];
    req.body = body;
    req.originalUrl = `${PREFIX}/session/end/confirm`;
    req.url = '/session/end/confirm';
    return providerCallback(req, res);
  }

  if (url.pathname === PREFIX || url.pathname.startsWith(`${PREFIX}/`)) {
    // Mount oidc-provider under /api/v2 (it reads the prefix from originalUrl).
    req.originalUrl = req.url;
    req.url = req.url.slice(PREFIX.length) || '/';
    return providerCallback(req, res);
  }

  return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
}

let providerCallback;

const server = http.createServer((req, res) => {
  if (!providerCallback) {
    send(res, 503, 'text/plain; charset=utf-8', 'starting\n');
    return;
  }
  handle(req, res).catch((err) => {
    log('unhandled error:', err.stack || err);
    if (!res.headersSent) send(res, err.status || 500, 'text/plain; charset=utf-8', 'internal error\n');
    else res.destroy();
  });
});

// ---------------------------------------------------------------------------
// Life cycle
// ---------------------------------------------------------------------------

let stopping = false;
function shutdown(reason) {
  if (stopping) return;
  stopping = true;
  log(`shutting down (${reason})`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 1000).unref();
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGHUP', () => shutdown('SIGHUP'));

// Exit when the parent closes our stdin (a pipe), so a test's child never
// outlives the test. A terminal or /dev/null on stdin is not watched.
try {
  const stat = fs.fstatSync(0);
  if (stat.isFIFO() || stat.isSocket()) {
    process.stdin.on('end', () => shutdown('stdin closed'));
    process.stdin.on('close', () => shutdown('stdin closed'));
    process.stdin.on('error', () => shutdown('stdin error'));
    process.stdin.resume();
  }
} catch {
  // no stdin at all
}

// Belt and braces: exit if the parent process disappears.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) shutdown('parent exited');
}, 1000).unref();

server.on('error', (err) => {
  log('listen error:', err.message);
  process.exit(1);
});

server.listen(port, '127.0.0.1', () => {
  const realPort = server.address().port;
  issuer = `http://127.0.0.1:${realPort}${PREFIX}`;
  provider = createProvider(issuer);
  providerCallback = provider.callback();
  log(`issuer ${issuer}, client ${args['client-id']}, id_token alg ${alg}, ${declaredUsers.length} users`);
  process.stdout.write(`ready ${issuer}\n`);
});
