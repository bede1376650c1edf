'use strict';
// The inspector's whole day in one browser session: sign in, create and open
// a round, upload two archives (one chosen, one dropped) and watch the
// audit's progress, open a case, dismiss a finding with a reason and see the
// score change, decide the rest, sign, download the case's 评查表 as a
// DOCX and mark the case as a typical case with a note.
const path = require('node:path');
const fs = require('node:fs');
const {test} = require('node:test');
const {assert, testdata, setUp, watchConsole, signIn, until, apiGet, docxText} =
    require('./support');

const inspector = {name: '王检查', role: 'inspector', password: '检查组口令-2024'};
const archives = ['01-complete-structured.zip', '05-unsupported-and-scan.zip'];
const chigang = '穗海赤岗综执立〔2024〕12号';
const changgang = '穗海昌岗综执立〔2024〕9号';  // minor findings deduct
const dismissedRule = 'REQ-8-closing_approval';   // 缺少《结案审批表》, 5 points
const reason = '结案审批表已附于纸质卷第21页，电子卷漏扫';

function scoreOf(text) {
  const m = /\d+(\.\d+)?/.exec(text);
  assert.ok(m, `#case-score shows no number: "${text}"`);
  return Number(m[0]);
}

// The selector of a finding's section; keys hold '@' and '#', so quoted.
function findingSelector(key) {
  return `.finding[data-finding="${key.replace(/["\\]/g, '\\$&')}"]`;
}

// Drops the file at `file` on `target` as a person dragging it from the
// desktop would (dragenter, dragover, drop with a DataTransfer holding it).
async function dropFile(page, target, file) {
  const bytes = fs.readFileSync(file).toString('base64');
  const transfer = await page.evaluateHandle(([name, data]) => {
    const raw = Uint8Array.from(atob(data), c => c.charCodeAt(0));
    const t = new DataTransfer();
    t.items.add(new File([raw], name, {type: 'application/zip'}));
    return t;
  }, [path.basename(file), bytes]);
  for (const type of ['dragenter', 'dragover', 'drop'])
    await page.dispatchEvent(target, type, {dataTransfer: transfer});
}

// Clicks `button` on the case page and waits until `recorded()` returns a
// value (read from the API) and the page has finished the reload its script
// does after a recorded change (a page updating in place is given 5 s);
// fails with the page's #message when the change is refused.
async function act(page, button, recorded, what) {
  await page.evaluate(() => { window.beforeAct = true; });
  await button.click();
  const result = await until(async () => {
    const message = ((await page.textContent('#message').catch(() => '')) || '').trim();
    if (message) return {error: message};
    const value = await recorded();
    return value ? {value} : null;
  }, what);
  assert.ok(!result.error, `${what}: the page says ${result.error}`);
  await until(() => page.evaluate(() => window.beforeAct !== true).catch(() => false),
              'the page to reload', 5000).catch(() => {});
  await page.waitForLoadState('load');
  return result.value;
}

test('an inspector uploads two archives, decides a case, signs it and downloads its 评查表',
     {timeout: 120000}, async () => {
  const env = await setUp('review-flow', {users: [inspector]});
  try {
    const page = await env.browser.newPage({viewport: {width: 1280, height: 900}});
    const problems = watchConsole(page);
    const {url} = env;
    await signIn(page, url, inspector);

    // A new round from the rounds page lands on its own page.
    await page.fill('form#new-round input[name=name]', '2024年第四季度案卷评查');
    await page.selectOption('form#new-round select[name=mode]', 'inspection');
    await Promise.all([page.waitForURL(/\/rounds\/\d+$/),
                       page.click('form#new-round [type=submit]')]);
    const roundId = /\/rounds\/(\d+)$/.exec(page.url())[1];

    // Open it again from the rounds list, then its upload page.
    await page.goto(url + '/rounds');
    await Promise.all([page.waitForURL(`${url}/rounds/${roundId}`),
                       page.click(`a[href="/rounds/${roundId}"]`)]);
    await Promise.all([page.waitForURL(`${url}/rounds/${roundId}/upload`),
                       page.click('a#upload-link')]);

    // One archive chosen in the file input, one dropped on the drop zone, then started.
    await page.setInputFiles('input#archives', path.join(testdata, archives[0]));
    await dropFile(page, '#drop-zone', path.join(testdata, archives[1]));
    await page.click('button#upload-start');

    // The progress bar only moves forward (within a phase: bytes sent, then
    // archives audited — its max changes between them) and reaches its end;
    // the state says 完成.
    const seen = [];
    await until(async () => {
      const p = await page.$eval('progress#upload-progress', e => ({value: e.value, max: e.max}));
      seen.push(p);
      const state = (await page.textContent('#upload-state')) || '';
      return state.includes('完成') && p.max > 0 && p.value === p.max;
    }, 'the upload progress to reach its end and #upload-state to say 完成');
    for (let i = 1; i < seen.length; ++i)
      if (seen[i].max === seen[i - 1].max)
        assert.ok(seen[i].value >= seen[i - 1].value, `progress went back: ${JSON.stringify(seen)}`);

    // Both results landed, each naming its case and linking to it.
    const results = page.locator('ul#upload-results li[data-archive]');
    assert.equal(await results.count(), 2);
    const texts = await results.allTextContents();
    assert.ok(texts.some(t => t.includes(chigang)), `no result names ${chigang}: ${texts}`);
    assert.ok(texts.some(t => t.includes(changgang)), `no result names ${changgang}: ${texts}`);
    assert.equal(await results.locator('a[href^="/cases/"]').count(), 2);

    // Open 昌岗's case from its upload result.
    await Promise.all([page.waitForURL(/\/cases\/\d+$/),
                       results.filter({hasText: changgang}).locator('a[href^="/cases/"]').click()]);
    const caseId = /\/cases\/(\d+)$/.exec(page.url())[1];
    await page.waitForSelector(`main[data-case="${caseId}"]`);
    const before = scoreOf(await page.textContent('#case-score'));

    // Dismiss the missing 结案审批表 with a reason: the shown score rises by its deduction.
    const items = () => apiGet(page, url, `/api/cases/${caseId}`).then(c => c.review.items);
    const target = (await items()).find(i => i.rule === dismissedRule);
    assert.ok(target, `case ${changgang} has no ${dismissedRule} finding`);
    assert.ok(target.deduction > 0 && before + target.deduction <= 100,
              `the finding deducts (${target.deduction}) from ${before}`);
    const row = page.locator(findingSelector(target.key));
    await row.locator('[data-reason]').fill(reason);
    await act(page, row.locator('button[data-action=dismiss]'),
              async () => (await items()).find(i => i.key === target.key).verdict !== 'suggested',
              'the dismissal');
    const after = scoreOf(await page.textContent('#case-score'));
    assert.equal(after, before + target.deduction);
    const dismissed = (await items()).find(i => i.key === target.key);
    assert.equal(dismissed.verdict, 'dismissed');
    assert.equal(dismissed.reason, reason);
    assert.equal(dismissed.inspector, inspector.name);

    // Decide every other finding as a person would: a finding offering
    // 确认 is confirmed; a manual check (核对无误 / 核对有问题 only) is passed.
    for (const item of (await items()).filter(i => i.verdict === 'suggested')) {
      const section = findingSelector(item.key);
      await page.locator(section).waitFor();
      const confirmable = (await page.locator(`${section} button[data-action=confirm]`).count()) > 0;
      const action = confirmable ? 'confirm' : 'pass';
      const verdict = await act(page, page.locator(`${section} button[data-action=${action}]`),
                                async () => {
                                  const now = (await items()).find(i => i.key === item.key);
                                  return now.verdict !== 'suggested' ? now.verdict : '';
                                }, `the decision on ${item.key}`);
      assert.equal(verdict, confirmable ? 'confirmed' : 'passed', `${item.key} (${item.kind})`);
    }

    // Sign as 评查人: the record names the inspector.
    const signoffs = await act(page, page.locator('button#sign'), async () => {
      const c = await apiGet(page, url, `/api/cases/${caseId}`);
      return c.review.signoffs.length ? c.review.signoffs : null;
    }, 'the signature');
    assert.equal(signoffs[0].name, inspector.name);

    // The 评查表 downloads as a DOCX naming the case.
    await page.waitForSelector('a#download-sheet');
    const [download] = await Promise.all([page.waitForEvent('download'),
                                          page.click('a#download-sheet')]);
    assert.match(download.suggestedFilename(), /\.docx$/);
    const file = fs.readFileSync(await download.path());
    assert.equal(file.subarray(0, 4).toString('binary'), 'PK\x03\x04', 'a zip file');
    assert.ok(docxText(file).includes(changgang), 'word/document.xml names the case number');

    // Marked as a typical case with a note (a signed case may be): the
    // record names the inspector and the page lists the mark.
    const note = '结案审批表漏扫的典型：电子卷应与纸质卷逐页核对';
    await page.fill('form#typical textarea[name=note]', note);
    const marks = await act(page, page.locator('form#typical button[type=submit]'), async () => {
      const t = await apiGet(page, url, `/api/cases/${caseId}/typical`);
      return t.marks.length ? t.marks : null;
    }, 'the typical-case mark');
    assert.equal(marks[0].note, note);
    assert.equal(marks[0].inspector, inspector.name);
    await page.waitForSelector('#typical-marks li[data-typical=""]');
    assert.ok((await page.textContent('#typical-marks')).includes(note), 'the page lists the mark');

    // The round page lists both cases.
    await page.goto(`${url}/rounds/${roundId}`);
    const links = await page.$$eval('a[href^="/cases/"]', as => as.map(a => a.getAttribute('href')));
    assert.equal(new Set(links).size, 2, `case links: ${links}`);

    assert.deepEqual(problems.filter(p => p.startsWith('page error')), []);
  } finally {
    await env.close();
  }
});
