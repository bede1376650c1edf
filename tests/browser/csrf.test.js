'use strict';
// A change sent without the session's CSRF token is refused with 403 and the
// Chinese reason, from the page's own decision button and from a plain form;
// the same click with the token goes through.
const {test} = require('node:test');
const {assert, setUp, signIn, until, apiGet} = require('./support');

const admin = {name: '区管理员', role: 'admin', password: '管理员口令-2024'};
const round = '2024年第三季度案卷评查';
const reason = '结案审批表已附于纸质卷第21页';

test('a decision posted without its CSRF token is refused with 403 and the page says why',
     {timeout: 60000}, async () => {
  const env = await setUp('csrf', {users: [admin],
                                   audits: [{round, archives: ['05-unsupported-and-scan.zip']}]});
  try {
    const {url} = env;
    const page = await env.browser.newPage();
    await signIn(page, url, admin);
    await page.click(`a:has-text("${round}")`);
    await page.waitForURL(/\/rounds\/\d+$/);
    await Promise.all([page.waitForURL(/\/cases\/\d+$/), page.click('a[href^="/cases/"]')]);
    const caseId = /\/cases\/(\d+)$/.exec(page.url())[1];
    const items = () => apiGet(page, url, `/api/cases/${caseId}`).then(c => c.review.items);
    const target = (await items()).find(i => i.rule === 'REQ-8-closing_approval');
    const row = page.locator(`.finding[data-finding="${target.key}"]`);

    // The page's own request, with its X-CSRF-Token header taken off on the way.
    const strip = route => {
      const headers = {...route.request().headers()};
      delete headers['x-csrf-token'];
      return route.continue({headers});
    };
    await page.route('**/api/cases/*/decisions', strip);
    await row.locator('[data-reason]').fill(reason);
    const [refused] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith(`/api/cases/${caseId}/decisions`)),
      row.locator('button[data-action=dismiss]').click(),
    ]);
    assert.equal(refused.status(), 403);
    assert.equal(refused.request().headers()['x-csrf-token'], undefined);
    const message = await until(async () => (await page.textContent('#message')).trim(),
                                'the reason in #message');
    assert.match(message, /CSRF 令牌/);
    assert.match(message, /[\u4e00-\u9fff]/, 'the reason is in Chinese');
    assert.equal((await items()).find(i => i.key === target.key).verdict, 'suggested');

    // A plain form posted to the API (no header at all) gets the same 403.
    const [formAnswer] = await Promise.all([
      page.waitForNavigation(),
      page.evaluate(([id, key]) => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = `/api/cases/${id}/decisions`;
        for (const [name, value] of Object.entries({finding: key, action: 'dismiss',
                                                     reason: 'x'})) {
          const input = document.createElement('input');
          input.name = name;
          input.value = value;
          form.appendChild(input);
        }
        document.body.appendChild(form);
        form.submit();
      }, [caseId, target.key]),
    ]);
    assert.equal(formAnswer.status(), 403);
    assert.match(JSON.parse(await formAnswer.text()).error, /CSRF 令牌/);
    assert.equal((await items()).find(i => i.key === target.key).verdict, 'suggested');

    // The same click with the token left on is accepted.
    await page.unroute('**/api/cases/*/decisions', strip);
    await page.goto(`${url}/cases/${caseId}`);
    await row.locator('[data-reason]').fill(reason);
    const [accepted] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith(`/api/cases/${caseId}/decisions`)),
      row.locator('button[data-action=dismiss]').click(),
    ]);
    assert.ok(accepted.ok(), `accepted: ${accepted.status()}`);
    await until(async () => (await items()).find(i => i.key === target.key).verdict ===
                                'dismissed', 'the dismissal to be recorded');
  } finally {
    await env.close();
  }
});
