'use strict';
// Shared by the browser tests: a fresh database in a temporary folder, users
// and audits through the real `auditor` binary, `auditor serve` on a free
// port (the printed address is read back), Debian's Chromium driven by
// playwright-core, and small checks (console errors, DOCX contents).
//
// Every script is run as `node <script> <auditor binary> <testdata folder>`
// (CTest passes both); without arguments it uses build/auditor and testdata/
// of this repository.
const assert = require('node:assert/strict');
const {spawn, spawnSync} = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');

const repo = path.resolve(__dirname, '..', '..');
const auditor = path.resolve(process.argv[2] || path.join(repo, 'build', 'auditor'));
const testdata = path.resolve(process.argv[3] || path.join(repo, 'testdata'));
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

function playwright() {
  try {
    return require('playwright-core');
  } catch (e) {
    throw new Error('playwright-core is missing: run `npm ci` in tests/browser ' +
                    '(scripts/install-deps.sh does it)');
  }
}

// A new empty folder of its own (tests run in parallel under ctest -j).
function workspace(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `auditor-browser-${name}-`));
}

function run(args, input) {
  const r = spawnSync(auditor, args, {input, encoding: 'utf8', timeout: 120000});
  if (r.status !== 0)
    throw new Error(`auditor ${args.join(' ')} failed (${r.error || r.status}): ${r.stderr}${r.stdout}`);
  return r.stdout;
}

// `auditor user add NAME --role R [--street S] --password-stdin --db DB`.
function addUser(db, {name, role, street, password}) {
  const args = ['user', 'add', name, '--role', role, '--password-stdin', '--db', db];
  if (street) args.push('--street', street);
  run(args, password + '\n');
}

// Audits testdata archives (file names) into the round named `round`.
function audit(db, round, archives) {
  run(['audit', '--db', db, '--round', round, ...archives.map(a => path.join(testdata, a))]);
}

// Starts `auditor serve` on a free loopback port; resolves to
// {url, stop()} once it printed its address. stop() sends SIGINT and checks
// the clean stop (exit status 0).
function serve(db) {
  const child = spawn(auditor, ['serve', '--db', db, '--listen', '127.0.0.1:0'],
                      {stdio: ['ignore', 'pipe', 'pipe']});
  let out = '';
  let err = '';
  child.stderr.on('data', d => { err += d; });
  const exited = new Promise(resolve => child.on('exit', (code, signal) => resolve({code, signal})));
  const started = new Promise((resolve, reject) => {
    child.stdout.on('data', d => {
      out += d;
      const m = /评查工作台已启动：(https?:\/\/[^\s（]+)/.exec(out);
      if (m) resolve(m[1].replace(/\/$/, ''));
    });
    exited.then(({code}) => reject(new Error(`auditor serve exited (${code}): ${err}${out}`)));
    setTimeout(() => reject(new Error('auditor serve printed no address in 20 s')), 20000).unref();
  });
  return started.then(url => ({
    url,
    output: () => out + err,
    async stop() {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
      const {code, signal} = await exited;
      clearTimeout(timer);
      assert.equal(code, 0, `auditor serve did not stop cleanly (${signal}): ${err}${out}`);
      assert.match(out, /评查工作台已停止/);
    },
  }), e => { child.kill('SIGKILL'); throw e; });
}

function launch() {
  if (!fs.existsSync(chromiumPath))
    throw new Error(`${chromiumPath} is missing: install Debian's chromium ` +
                    '(scripts/install-deps.sh)');
  return playwright().chromium.launch({executablePath: chromiumPath, headless: true});
}

// A database with `users`, the `audits` ({round, archives}) stored by the
// command line, a server and a browser; close() stops them and removes the
// folder.
async function setUp(name, {users = [], audits = []} = {}) {
  const dir = workspace(name);
  const db = path.join(dir, '评查.db');
  for (const u of users) addUser(db, u);
  for (const a of audits) audit(db, a.round, a.archives);
  const server = await serve(db);
  const browser = await launch();
  return {
    dir, db, server, browser, url: server.url,
    async close() {
      await browser.close();
      await server.stop();
      fs.rmSync(dir, {recursive: true, force: true});
    },
  };
}

// Collects what a person would see as a broken page: console errors (CSP
// violations are reported there) and uncaught exceptions.
function watchConsole(page) {
  const problems = [];
  page.on('console', m => {
    if (m.type() !== 'error' && !/Content Security Policy/i.test(m.text())) return;
    problems.push(`console ${m.type()} on ${page.url()}: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', e => problems.push(`page error on ${page.url()}: ${e.message}`));
  return problems;
}

// Signs in through the sign-in form; resolves on the rounds page.
async function signIn(page, url, user) {
  await page.goto(url + '/');
  await page.fill('form#sign-in input[name=username]', user.name);
  await page.fill('form#sign-in input[name=password]', user.password);
  await Promise.all([page.waitForURL(url + '/rounds'),
                     page.click('form#sign-in [type=submit]')]);
}

// Polls `probe` until it returns a truthy value (returned) or time runs out.
async function until(probe, what, ms = 30000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

// One request outside the browser, the connection closed after it (a kept-
// alive connection would hold up the server's clean stop). Resolves to
// {status, headers, text, json()}.
function httpRequest(address, {method = 'GET', headers = {}, body} = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(address, {method, headers: {...headers, Connection: 'close'}}, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({status: res.statusCode, headers: res.headers, text, json: () => JSON.parse(text)});
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

// The session cookie of a signed-in page, as a Cookie header.
async function cookieOf(page) {
  const cookies = await page.context().cookies();
  return cookies.map(c => `${c.name}=${c.value}`).join('; ');
}

// GET a JSON API path with the page's session (works while the page reloads).
async function apiGet(page, url, p) {
  const r = await httpRequest(url + p, {headers: {Cookie: await cookieOf(page)}});
  assert.equal(r.status, 200, `GET ${p}: ${r.status} ${r.text}`);
  return r.json();
}

// Signs in through the API (no browser); resolves to get(path) → JSON.
async function apiSession(url, user) {
  const r = await httpRequest(url + '/api/session', {
    method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({username: user.name, password: user.password}),
  });
  assert.equal(r.status, 200, `sign-in of ${user.name}: ${r.text}`);
  const cookie = [].concat(r.headers['set-cookie'] || []).map(c => c.split(';')[0]).join('; ');
  return async p => {
    const got = await httpRequest(url + p, {headers: {Cookie: cookie}});
    assert.equal(got.status, 200, `GET ${p}: ${got.status} ${got.text}`);
    return got.json();
  };
}

// The members of a zip file: {name: Buffer} (stored or deflated members).
function unzip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) --eocd;
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const members = {};
  for (let i = 0; i < count; ++i) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('damaged zip central directory');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const skip = nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    members[name] = method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
    p += 46 + skip;
  }
  return members;
}

// The visible text of a DOCX's word/document.xml (runs joined, tags dropped).
function docxText(buf) {
  const xml = unzip(buf)['word/document.xml'];
  if (!xml) throw new Error('the file has no word/document.xml');
  return xml.toString('utf8').replace(/<[^>]+>/g, '');
}

module.exports = {
  assert, playwright, auditor, testdata, setUp, watchConsole, signIn, until, httpRequest, cookieOf, apiGet, apiSession, unzip, docxText,
};
