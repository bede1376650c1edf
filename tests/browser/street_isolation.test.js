'use strict';
// A street user sees its own street's case and nothing of another street:
// the other street's case URL is the same 404 page as a case that does not
// exist, and the round page lists only its own case.
const {test} = require('node:test');
const {assert, setUp, watchConsole, signIn, httpRequest, cookieOf, apiSession} =
    require('./support');

const admin = {name: '区管理员', role: 'admin', password: '管理员口令-2024'};
const street = {name: '南石头街道', role: 'street', street: '南石头', password: '街道口令-2024'};
const round = '2024年第三季度案卷评查';
const own = '穗海南石综执立〔2024〕21号';    // 03: 南石头
const other = '穗海赤岗综执立〔2024〕12号';  // 01: 赤岗

// The ids of the round and its cases by case number, read as the admin.
async function idsByAdmin(url) {
  const get = await apiSession(url, admin);
  const roundId = (await get('/api/rounds')).find(r => r.name === round).id;
  const cases = await get(`/api/rounds/${roundId}/cases`);
  const id = number => cases.find(c => c.case_number === number).id;
  return {roundId, own: id(own), other: id(other)};
}

test('a street user who opens another street\'s case URL gets the 404 page', {timeout: 60000},
     async () => {
  const env = await setUp('street', {users: [admin, street],
                                     audits: [{round, archives: ['01-complete-structured.zip',
                                                                 '03-missing-notice-bare.zip']}]});
  try {
    const ids = await idsByAdmin(env.url);
    const page = await env.browser.newPage();
    const problems = watchConsole(page);
    await signIn(page, env.url, street);

    // The round lists the street's own case only.
    await page.click(`a[href="/rounds/${ids.roundId}"]`);
    await page.waitForURL(`${env.url}/rounds/${ids.roundId}`);
    const links = await page.$$eval('a[href^="/cases/"]', as => as.map(a => a.getAttribute('href')));
    assert.deepEqual([...new Set(links)], [`/cases/${ids.own}`]);
    assert.ok(!(await page.textContent('body')).includes(other));

    // Its own case opens.
    const mine = await page.goto(`${env.url}/cases/${ids.own}`);
    assert.equal(mine.status(), 200);
    assert.ok((await page.textContent('body')).includes(own));

    // The other street's case: 404, the same page as a case that does not exist.
    const theirs = await page.goto(`${env.url}/cases/${ids.other}`);
    assert.equal(theirs.status(), 404);
    const theirsText = await page.textContent('body');
    assert.match(theirsText, /未找到/);
    assert.ok(!theirsText.includes(other), 'the 404 page names no case number');
    assert.ok(!theirsText.includes('赤岗'), 'the 404 page names no street');
    const missing = await page.goto(`${env.url}/cases/999999`);
    assert.equal(missing.status(), 404);
    assert.equal(await page.textContent('body'), theirsText);

    // The API answers the same way from the page's session.
    const api = await httpRequest(`${env.url}/api/cases/${ids.other}`,
                                  {headers: {Cookie: await cookieOf(page)}});
    assert.equal(api.status, 404);
    assert.deepEqual(problems.filter(p => p.startsWith('page error')), []);
  } finally {
    await env.close();
  }
});
