'use strict';
// Signing in: a wrong password and an unknown name show the same Chinese
// error and stay on the sign-in page; the right password opens the rounds;
// signing out returns to the sign-in page and the rounds need signing in again.
const {test} = require('node:test');
const {assert, setUp, signIn} = require('./support');

const inspector = {name: '王检查', role: 'inspector', password: '检查组口令-2024'};

async function tryPassword(page, url, name, password) {
  await page.goto(url + '/');
  await page.fill('form#sign-in input[name=username]', name);
  await page.fill('form#sign-in input[name=password]', password);
  const [answer] = await Promise.all([
    page.waitForResponse(r => r.url() === url + '/api/session' && r.request().method() === 'POST'),
    page.click('form#sign-in [type=submit]'),
  ]);
  await page.waitForFunction(() => document.getElementById('message').textContent.trim() !== '');
  return {status: answer.status(), message: (await page.textContent('#message')).trim()};
}

test('a wrong password shows the Chinese error and does not sign in', {timeout: 60000},
     async () => {
  const env = await setUp('sign-in', {users: [inspector]});
  try {
    const {url} = env;
    const page = await env.browser.newPage();
    const wrong = await tryPassword(page, url, inspector.name, '不是这个口令');
    assert.deepEqual(wrong, {status: 401, message: '用户名或密码错误'});
    assert.equal(page.url(), url + '/');
    const unknown = await tryPassword(page, url, '李不存在', '不是这个口令');
    assert.deepEqual(unknown, wrong, 'an unknown name is answered like a wrong password');

    // Still not signed in: the rounds page sends back to the sign-in page.
    await page.goto(url + '/rounds');
    assert.equal(page.url(), url + '/');

    await signIn(page, url, inspector);
    assert.equal(page.url(), url + '/rounds');
    await Promise.all([page.waitForURL(url + '/'), page.click('button#sign-out')]);
    await page.goto(url + '/rounds');
    assert.equal(page.url(), url + '/');
  } finally {
    await env.close();
  }
});
