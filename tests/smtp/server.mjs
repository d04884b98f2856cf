#!/usr/bin/env node
// A real SMTP server (nodemailer's `smtp-server`, messages parsed with
// `mailparser`) for the integration tests of Métiers du Numérique, with a small
// HTTP control API to read what it received and to simulate an outage.
//
//   node tests/smtp/server.mjs [--smtp-port N] [--http-port M] [--quiet]
//
// Both ports default to 0 (any free port); METIERS_TEST_SMTP_PORT and
// METIERS_TEST_SMTP_HTTP_PORT are read when the options are absent. Both
// servers listen on 127.0.0.1 only. Once both accept connections, it prints
// exactly one line on stdout: {"smtp_port":N,"http_port":M}. Everything else
// goes to stderr. See README.md.

import * as fs from 'node:fs';
import * as http from 'node:http';
import { parseArgs } from 'node:util';

import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const HOST = '127.0.0.1';

// Only the ready line goes to stdout.
const log = (...args) => console.error('[smtp]', ...args);
console.log = log;
console.info = log;
console.debug = log;
console.warn = log;

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

function usage(message) {
  if (message) process.stderr.write(`error: ${message}\n`);
  process.stderr.write('usage: node server.mjs [--smtp-port N] [--http-port M] [--quiet]\n');
  process.exit(2);
}

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      'smtp-port': { type: 'string', default: process.env.METIERS_TEST_SMTP_PORT || '0' },
      'http-port': { type: 'string', default: process.env.METIERS_TEST_SMTP_HTTP_PORT || '0' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }));
} catch (err) {
  usage(err.message);
}
if (args.help) usage();

function parsePort(name) {
  const port = Number(args[name]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`--${name} must be 0..65535`);
  return port;
}
let smtpPort = parsePort('smtp-port');
let httpPort = parsePort('http-port');
const verbose = (...a) => { if (!args.quiet) log(...a); };

// ---------------------------------------------------------------------------
// Received messages
// ---------------------------------------------------------------------------

// One promise per message, in the order the messages ended (their DATA
// terminator arrived). Parsing is asynchronous; GET /messages awaits them all.
let messages = [];

// RFC 2047 encoded words (`=?UTF-8?Q?M=C3=A9tiers?=`), for header values.
const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

function wordBytes(encoding, text) {
  if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64');
  const bytes = [];
  const source = text.replace(/_/g, ' ');
  for (let i = 0; i < source.length; i += 1) {
    if (source[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(source.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

function decodeBytes(charset, bytes) {
  try {
    return new TextDecoder(charset.split('*')[0].toLowerCase()).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

function decodeEncodedWords(value) {
  let out = '';
  let last = 0;
  let run = null; // adjacent words of one charset, decoded together
  const flush = () => {
    if (run) out += decodeBytes(run.charset, Buffer.concat(run.chunks));
    run = null;
  };
  for (const match of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, match.index);
    const charset = match[1];
    const bytes = wordBytes(match[2], match[3]);
    // Whitespace between two encoded words is not part of the text.
    const adjacent = run !== null && /^\s*$/.test(between);
    if (adjacent && run.charset.toLowerCase() === charset.toLowerCase()) {
      run.chunks.push(bytes);
    } else {
      flush();
      if (!adjacent) out += between;
      run = { charset, chunks: [bytes] };
    }
    last = match.index + match[0].length;
  }
  flush();
  return out + value.slice(last);
}

// Headers as {lowercased name: value}: each value as it appeared, unfolded,
// with encoded words decoded. A header that appears more than once (Received)
// gives an array of its values, in order.
function headersOf(parsed) {
  const headers = {};
  for (const { key, line } of parsed.headerLines || []) {
    const colon = line.indexOf(':');
    const value = decodeEncodedWords(line.slice(colon + 1).replace(/\r?\n(?=[ \t])/g, '').trim());
    if (!(key in headers)) headers[key] = value;
    else if (Array.isArray(headers[key])) headers[key].push(value);
    else headers[key] = [headers[key], value];
  }
  return headers;
}

async function record(raw, envelope) {
  const base = {
    from: envelope.mailFrom ? envelope.mailFrom.address : '',
    to: envelope.rcptTo.map((r) => r.address),
  };
  const text = raw.toString('utf8');
  try {
    const parsed = await simpleParser(raw);
    return {
      ...base,
      subject: parsed.subject || '',
      text: parsed.text || '',
      html: typeof parsed.html === 'string' ? parsed.html : null,
      headers: headersOf(parsed),
      raw: text,
    };
  } catch (err) {
    log('cannot parse a message:', err.message);
    return { ...base, subject: '', text: '', html: null, headers: {}, raw: text, parse_error: err.message };
  }
}

// ---------------------------------------------------------------------------
// SMTP: plain text on loopback, no STARTTLS, no authentication required (any
// credentials a client offers are accepted). A new SMTPServer per "up".
// ---------------------------------------------------------------------------

let smtp = null; // the SMTPServer while up, null while down

function createSmtp() {
  return new SMTPServer({
    name: 'smtp.test.localhost',
    banner: 'test SMTP server of Métiers du Numérique',
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username || 'anonymous' });
    },
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        const envelope = {
          mailFrom: session.envelope.mailFrom,
          rcptTo: [...session.envelope.rcptTo],
        };
        const entry = record(Buffer.concat(chunks), envelope);
        messages.push(entry);
        const number = messages.length;
        // Answer 250 only once the message shows in GET /messages.
        entry.then((message) => {
          verbose(`message ${number} from <${message.from}> to ${message.to.map((a) => `<${a}>`).join(', ')}: ${message.subject}`);
          callback(null, `OK: message ${number} stored`);
        });
      });
    },
  });
}

function listenSmtp(port) {
  return new Promise((resolve, reject) => {
    const server = createSmtp();
    const onError = (err) => {
      server.server.close();
      reject(err);
    };
    server.server.once('error', onError);
    server.listen(port, HOST, () => {
      server.server.removeListener('error', onError);
      server.on('error', (err) => log('SMTP error:', err.message));
      resolve(server);
    });
  });
}

// Stops accepting connections at once (new ones are refused) and cuts the
// open ones, as a crashed or unreachable server would.
function closeSmtp(server) {
  return new Promise((resolve) => {
    const done = () => { clearTimeout(timer); resolve(); };
    const timer = setTimeout(done, 1000);
    server.server.close(done);
    for (const connection of server.connections) {
      try {
        connection.send(421, 'Service not available, closing transmission channel');
      } catch {
        // the socket may already be gone
      }
      connection.close();
      connection._socket?.destroy();
    }
    server.connections.clear();
  });
}

// ---------------------------------------------------------------------------
// HTTP control API
// ---------------------------------------------------------------------------

function sendJson(res, status, value) {
  const body = `${JSON.stringify(value)}\n`;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

const status = () => ({ smtp_port: smtpPort, http_port: httpPort, up: smtp !== null, messages: messages.length });

// Up and down requests run one after the other.
let lifecycle = Promise.resolve();
function serially(task) {
  const result = lifecycle.then(task);
  lifecycle = result.catch(() => {});
  return result;
}

async function handle(req, res) {
  const url = new URL(req.url, `http://${HOST}`);
  for await (const _ of req); // drain any body
  const route = `${req.method} ${url.pathname.replace(/\/+$/, '') || '/'}`;
  if (req.method !== 'GET') verbose(route);
  switch (route) {
    case 'GET /':
      return sendJson(res, 200, status());
    case 'GET /messages':
      return sendJson(res, 200, await Promise.all(messages));
    case 'DELETE /messages':
      messages = [];
      return sendJson(res, 200, status());
    case 'POST /down':
      await serially(async () => {
        if (!smtp) return;
        const server = smtp;
        smtp = null;
        await closeSmtp(server);
        log(`SMTP down (port ${smtpPort} refuses connections)`);
      });
      return sendJson(res, 200, status());
    case 'POST /up':
      try {
        await serially(async () => {
          if (smtp) return;
          smtp = await listenSmtp(smtpPort);
          log(`SMTP up again on ${HOST}:${smtpPort}`);
        });
      } catch (err) {
        log(`cannot listen on ${HOST}:${smtpPort} again:`, err.message);
        return sendJson(res, 500, { ...status(), error: err.message });
      }
      return sendJson(res, 200, status());
    default:
      return sendJson(res, 404, { error: `no route ${route}` });
  }
}

const httpServer = http.createServer((req, res) => {
  handle(req, res).catch((err) => {
    log('control API error:', err.stack || err);
    if (!res.headersSent) sendJson(res, 500, { error: String(err.message || err) });
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
  verbose(`shutting down (${reason})`);
  if (smtp) closeSmtp(smtp);
  httpServer.close();
  httpServer.closeAllConnections();
  setTimeout(() => process.exit(0), 200).unref();
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

try {
  smtp = await listenSmtp(smtpPort);
} catch (err) {
  log(`cannot listen for SMTP on ${HOST}:${smtpPort}:`, err.message);
  process.exit(1);
}
smtpPort = smtp.server.address().port;

httpServer.on('error', (err) => {
  log(`cannot listen for HTTP on ${HOST}:${httpPort}:`, err.message);
  process.exit(1);
});
httpServer.listen(httpPort, HOST, () => {
  httpPort = httpServer.address().port;
  verbose(`SMTP on ${HOST}:${smtpPort}, control API on http://${HOST}:${httpPort}`);
  process.stdout.write(`${JSON.stringify({ smtp_port: smtpPort, http_port: httpPort })}\n`);
});
