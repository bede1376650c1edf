'use strict';
// The main pages load in Chromium without a console error, an uncaught
// script error, a Content-Security-Policy violation or a failed request for
// one of their files — under the server's own CSP (no inline script).
const {test} = require('node:test');
const {assert, setUp, watchConsole, signIn} = require('./support');

const admin = {name: '区管理员', role: 'admin', password: '管理员口令-2024'};
const street = {name: '昌岗街道', role: 'street', street: '昌岗', password: '街道口令-2024'};
const round = '2024年第三季度案卷评查';

// Opens a page of its own that records every problem into `problems`.
async function watchedPage(browser, problems) {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  const seen = watchConsole(page);
  page.on('response', r => {
    if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
  });
  page.on('requestfailed', r => {
    // A fetch cut short by the page moving on (sign-in → /rounds) is not a failure.
    if (r.failure().errorText !== 'net::ERR_ABORTED')
      problems.push(`failed request ${r.url()}: ${r.failure().errorText}`);
  });
  return {page, seen};
}

test('the main pages load without console errors or CSP violations', {timeout: 60000},
     async () => {
  const env = await setUp('console', {
    users: [admin, street],
    audits: [{round, archives: ['01-complete-structured.zip', '03-missing-notice-bare.zip',
                                '05-unsupported-and-scan.zip']}],
  });
  try {
    const {url} = env;
    const problems = [];
    const {page, seen} = await watchedPage(env.browser, problems);
    const visited = [];
    const visit = async (p, path) => {
      const response = await p.goto(url + path);
      assert.equal(response.status(), 200, `${path} answers 200`);
      assert.match(response.headers()['content-security-policy'], /script-src 'self'/);
      await p.waitForLoadState('networkidle');
      visited.push(path);
    };
    await visit(page, '/');
    await signIn(page, url, admin);
    await page.waitForLoadState('networkidle');
    await visit(page, '/rounds');
    const roundHref = await page.getAttribute(`a:has-text("${round}")`, 'href');
    await visit(page, roundHref);
    const caseHref = await page.getAttribute('a[href^="/cases/"]', 'href');
    await visit(page, `${roundHref}/upload`);
    await visit(page, `${roundHref}/plan`);
    await visit(page, caseHref);
    await visit(page, '/admin/users');

    // A street user's pages: its rounds, its case, its self-check.
    const other = await watchedPage(env.browser, problems);
    await signIn(other.page, url, street);
    await visit(other.page, roundHref);
    await visit(other.page, await other.page.getAttribute('a[href^="/cases/"]', 'href'));
    await visit(other.page, '/self-check');
    assert.deepEqual([...problems, ...seen, ...other.seen], [],
                     `pages visited: ${visited.join(' ')}`);
  } finally {
    await env.close();
  }
});
