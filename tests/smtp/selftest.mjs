#!/usr/bin/env node
// Self-test of server.mjs: starts it, speaks SMTP to it over a raw socket
// (no client library), then checks the HTTP control API, the outage
// (POST /down: connections refused) and the recovery (POST /up).
//
//   node tests/smtp/selftest.mjs
//
// Exits 0 when every check passes, 1 otherwise.

import { spawn } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

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
// A minimal SMTP client on a raw socket
// ---------------------------------------------------------------------------

class SmtpClient {
  static connect(port) {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.removeListener('error', reject);
        resolve(new SmtpClient(socket));
      });
    });
  }

  constructor(socket) {
    this.socket = socket;
    this.buffer = '';
    this.waiting = null;
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => { this.buffer += chunk; this.pump(); });
    socket.on('error', () => {});
  }

  // A complete reply: lines `CODE-text` then one `CODE text`.
  pump() {
    if (!this.waiting) return;
    const lines = this.buffer.split('\r\n');
    for (let i = 0; i < lines.length - 1; i += 1) {
      if (/^\d{3}(?: |$)/.test(lines[i])) {
        const reply = lines.slice(0, i + 1);
        this.buffer = lines.slice(i + 1).join('\r\n');
        const { resolve } = this.waiting;
        this.waiting = null;
        resolve({ code: Number(reply[i].slice(0, 3)), lines: reply });
        return;
      }
    }
  }

  reply() {
    return new Promise((resolve) => { this.waiting = { resolve }; this.pump(); });
  }

  async command(line) {
    this.socket.write(`${line}\r\n`);
    return this.reply();
  }

  close() { this.socket.destroy(); }
}

async function sendMail(port, { from, to, data }) {
  const client = await SmtpClient.connect(port);
  const codes = [];
  codes.push((await client.reply()).code);
  const ehlo = await client.command('EHLO selftest.localhost');
  codes.push(ehlo.code);
  codes.push((await client.command(`MAIL FROM:<${from}>`)).code);
  for (const rcpt of to) codes.push((await client.command(`RCPT TO:<${rcpt}>`)).code);
  codes.push((await client.command('DATA')).code);
  // Dot-stuffing: a line that starts with "." gets another one.
  const body = data.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
  const end = await client.command(`${body}${body.endsWith('\r\n') ? '' : '\r\n'}.`);
  codes.push(end.code);
  codes.push((await client.command('QUIT')).code);
  client.close();
  return { codes, ehlo: ehlo.lines, end: end.lines.join(' ') };
}

function connectOutcome(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve('connected'); });
    socket.once('error', (err) => resolve(err.code));
  });
}

// ---------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------

const server = spawn(process.execPath, [path.join(here, 'server.mjs')], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const ports = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('no ready line within 15 s')), 15000);
  readline.createInterface({ input: server.stdout }).once('line', (line) => {
    clearTimeout(timer);
    resolve(JSON.parse(line));
  });
  server.once('exit', (code) => reject(new Error(`server exited (${code})`)));
});
const api = `http://127.0.0.1:${ports.http_port}`;
const messages = async () => (await fetch(`${api}/messages`)).json();

console.log(`server: SMTP ${ports.smtp_port}, HTTP ${ports.http_port}`);
check(Number.isInteger(ports.smtp_port) && ports.smtp_port > 0, 'ready line gives the SMTP port', ports);
check(Number.isInteger(ports.http_port) && ports.http_port > 0, 'ready line gives the HTTP port', ports);

try {
  check((await messages()).length === 0, 'no message at start');

  const boundary = 'selftest-boundary-42';
  const data = [
    'From: =?UTF-8?Q?M=C3=A9tiers_du_Num=C3=A9rique?= <no-reply@metiers.test>',
    'To: Anne Dupont <anne.dupont@example.gouv.fr>',
    'Subject: =?UTF-8?B?Vm90cmUgbGllbiBkZSBjb25uZXhpb24=?=',
    'Message-ID: <selftest-1@metiers.test>',
    'X-Selftest: folded',
    '  header value',
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Bonjour, voici votre lien : http://127.0.0.1/connexion/lien?jeton=abc',
    '.a line that starts with a dot',
    '',
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Bonjour, <a href="http://127.0.0.1/connexion/lien?jeton=abc">votre lien</a></p>',
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
  const sent = await sendMail(ports.smtp_port, {
    from: 'no-reply@metiers.test',
    to: ['anne.dupont@example.gouv.fr', 'bcc@example.gouv.fr'],
    data,
  });
  check(sent.codes.join(' ') === '220 250 250 250 250 354 250 221', 'SMTP dialogue codes', sent.codes);
  check(!sent.ehlo.some((l) => /STARTTLS/.test(l)), 'STARTTLS not offered', sent.ehlo);

  const [mail, ...rest] = await messages();
  check(rest.length === 0 && mail, 'one message stored');
  check(mail.from === 'no-reply@metiers.test', 'from is the envelope sender', mail.from);
  check(JSON.stringify(mail.to) === JSON.stringify(['anne.dupont@example.gouv.fr', 'bcc@example.gouv.fr']), 'to lists the envelope recipients', mail.to);
  check(mail.subject === 'Votre lien de connexion', 'subject decoded', mail.subject);
  check(mail.text.includes('jeton=abc') && mail.text.includes('\n.a line that starts with a dot'), 'text part (dot-unstuffed)', mail.text);
  check(typeof mail.html === 'string' && mail.html.includes('<a href="http://127.0.0.1/connexion/lien?jeton=abc">'), 'html part', mail.html);
  check(mail.headers.from === 'Métiers du Numérique <no-reply@metiers.test>', 'from header decoded', mail.headers.from);
  check(mail.headers['message-id'] === '<selftest-1@metiers.test>', 'message-id header', mail.headers);
  check(mail.headers['x-selftest'] === 'folded  header value', 'folded header unfolded', mail.headers['x-selftest']);
  check(mail.headers['content-type'].startsWith('multipart/alternative;'), 'content-type header', mail.headers['content-type']);
  check(mail.raw.startsWith('From: =?UTF-8?Q?') && mail.raw.includes(`--${boundary}--`), 'raw source kept', mail.raw.slice(0, 80));

  let response = await fetch(`${api}/down`, { method: 'POST' });
  check(response.status === 200 && (await response.json()).up === false, 'POST /down');
  const refused = await connectOutcome(ports.smtp_port);
  check(refused === 'ECONNREFUSED', 'SMTP connection refused while down', refused);
  check((await messages()).length === 1, 'messages still readable while down');

  response = await fetch(`${api}/up`, { method: 'POST' });
  check(response.status === 200 && (await response.json()).up === true, 'POST /up');
  const again = await sendMail(ports.smtp_port, {
    from: 'no-reply@metiers.test',
    to: ['jean.moulin@example.gouv.fr'],
    data: 'From: no-reply@metiers.test\r\nTo: jean.moulin@example.gouv.fr\r\nSubject: Again\r\n\r\nHello again.\r\n',
  });
  check(again.codes.join(' ') === '220 250 250 250 354 250 221', 'SMTP accepted again on the same port', again.codes);
  const both = await messages();
  check(both.length === 2 && both[1].subject === 'Again' && both[1].html === null && both[1].text === 'Hello again.\n', 'second message stored after the first', both.map((m) => m.subject));

  response = await fetch(`${api}/messages`, { method: 'DELETE' });
  check(response.status === 200 && (await messages()).length === 0, 'DELETE /messages forgets them');
} catch (err) {
  failures += 1;
  console.log(`  FAIL ${err.stack || err}`);
}

// Closing stdin stops the server.
const exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
server.stdin.end();
const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 5000))]);
check(code === 0, 'server exits when its stdin closes', code);
if (code === 'timeout') server.kill();

console.log(failures === 0 ? 'selftest: all checks passed' : `selftest: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
