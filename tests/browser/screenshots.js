'use strict';
// Screenshots of the main pages for docs/screenshots/ (run on demand, not
// part of ctest):
//
//   node tests/browser/screenshots.js [build/auditor] [testdata] [docs/screenshots]
//
// A fresh database holds one inspection round of the six testdata archives
// and the 104 archives of testdata/variants/ (offices' own layouts), audited
// by the command line, with a few decisions recorded as an inspector would;
// the pages are shot 1280 px wide in Debian's Chromium. Files: sign-in,
// rounds, round (its case table), round-charts, upload (after three archives,
// one refused), case, self-check (a street user's, after its upload).
const fs = require('node:fs');
const path = require('node:path');
const {spawnSync} = require('node:child_process');
const {auditor, testdata, setUp, signIn, until} = require('./support');

const out = path.resolve(process.argv[4] || path.join(__dirname, '..', '..', 'docs', 'screenshots'));
const round = '2024年第三季度案卷评查';
const admin = {name: '区管理员', role: 'admin', password: '管理员口令-2024'};
const inspector = {name: '王检查', role: 'inspector', password: '检查组口令-2024'};
const street = {name: '昌岗街道', role: 'street', street: '昌岗', password: '街道口令-2024'};
const viewport = {width: 1280, height: 900};
const maxHeight = 1800;  // a long page is cut here: the top says what it is

// Runs auditor with `args`; `accepted` exit statuses (audit: 1 = an archive refused).
function cli(db, args, accepted = [0]) {
  const r = spawnSync(auditor, [...args, '--db', db], {encoding: 'utf8'});
  if (!accepted.includes(r.status)) throw new Error(`auditor ${args.join(' ')}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

// The round: every archive, the plan naming the inspector, a few decisions.
function prepare(db) {
  const archives = [
    ...fs.readdirSync(testdata).filter(f => f.endsWith('.zip')).map(f => path.join(testdata, f)),
    path.join(testdata, 'variants'),
  ];
  const started = Date.now();
  const printed = cli(db, ['audit', '--round', round, ...archives], [0, 1]);
  // A half-built tree (no document parser) would shoot pages full of read errors.
  if (/文档解析进程无法启动/.test(printed))
    throw new Error('the audit could not start the document parser: build it first (bbuild)');
  console.log(`audited ${round} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  cli(db, ['round', 'plan', '--round', round, '--streets', '赤岗,新港,南石头,琶洲,昌岗',
           '--inspector', `${inspector.name}@区城市管理综合执法局`, '--as', admin.name]);
  const c = '穗海昌岗综执立〔2024〕9号';
  const decide = (finding, ...action) =>
      cli(db, ['review', 'decide', '--round', round, '--case', c, '--finding', finding,
               ...action, '--as', inspector.name]);
  decide('REQ-8-closing_approval@closing_approval#1', '--dismiss', '结案审批表已附于纸质卷第21页');
  decide('IMP-document@03-询问笔录.wps#1', '--confirm');
  decide('MAN-seal-image@penalty_notice#1', '--pass');
}

async function shoot(page, name) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const file = path.join(out, name);
  await page.screenshot({path: file, fullPage: true,
                         clip: {x: 0, y: 0, width: viewport.width,
                                height: Math.min(height, maxHeight)}});
  console.log(`${file} (${height} px tall${height > maxHeight ? `, cut at ${maxHeight}` : ''})`);
}

async function main() {
  fs.mkdirSync(out, {recursive: true});
  const env = await setUp('screenshots', {users: [admin, inspector, street]});
  try {
    // The server is up on the empty database; audits and decisions go in beside it.
    prepare(env.db);
    const {url} = env;
    const context = await env.browser.newContext({viewport, locale: 'zh-CN'});
    const page = await context.newPage();

    await page.goto(url + '/');
    await page.fill('form#sign-in input[name=username]', inspector.name);
    await shoot(page, 'sign-in.png');

    await signIn(page, url, inspector);
    await shoot(page, 'rounds.png');

    await page.click(`a:has-text("${round}")`);
    await page.waitForURL(/\/rounds\/\d+$/);
    await page.waitForLoadState('networkidle');
    await shoot(page, 'round.png');
    const roundUrl = page.url();
    // The charts (as in the 通报) sit below the case table: a shot of their own.
    const charts = await page.$('#charts');
    if (charts) {
      const box = await charts.boundingBox();
      const top = Math.max(0, Math.floor(box.y) - 16);
      await page.screenshot({path: path.join(out, 'round-charts.png'), fullPage: true,
                             clip: {x: 0, y: top, width: viewport.width,
                                    height: Math.min(Math.ceil(box.height) + 32, maxHeight)}});
      console.log(`${path.join(out, 'round-charts.png')} (${Math.ceil(box.height)} px of charts)`);
    } else {
      console.log('no #charts on the round page: not shot');
    }

    // The upload page after two archives went through (into a round of their own).
    await page.goto(url + '/rounds');
    await page.fill('form#new-round input[name=name]', '2024年第四季度案卷评查');
    await Promise.all([page.waitForURL(/\/rounds\/\d+$/),
                       page.click('form#new-round [type=submit]')]);
    await page.click('a#upload-link');
    await page.waitForURL(/\/upload$/);
    await page.setInputFiles('input#archives',
                             ['03-missing-notice-bare.zip', '05-unsupported-and-scan.zip',
                              '06-not-a-zip.zip'].map(a => path.join(testdata, a)));
    await page.click('button#upload-start');
    await until(async () => ((await page.textContent('#upload-state')) || '').includes('完成'),
                'the upload to finish', 120000);
    await shoot(page, 'upload.png');

    // A case with decided and undecided findings.
    await page.goto(roundUrl);
    await page.click('a[href^="/cases/"]:has-text("穗海昌岗综执立〔2024〕9号")');
    await page.waitForURL(/\/cases\/\d+$/);
    await page.waitForLoadState('networkidle');
    await shoot(page, 'case.png');

    // The street's self-check page, after uploading its own archive.
    const streetPage = await (await env.browser.newContext({viewport, locale: 'zh-CN'})).newPage();
    await signIn(streetPage, url, street);
    const selfCheck = await streetPage.goto(url + '/self-check');
    if (selfCheck.status() === 200) {
      await streetPage.setInputFiles('input#archives',
                                     [path.join(testdata, '05-unsupported-and-scan.zip')]);
      await streetPage.click('button#upload-start');
      await until(async () =>
                      ((await streetPage.textContent('#upload-state')) || '').includes('完成'),
                  'the self-check upload to finish', 120000);
      await streetPage.waitForLoadState('networkidle');
      await shoot(streetPage, 'self-check.png');
    } else {
      console.log(`no self-check page (${selfCheck.status()}): not shot`);
    }
  } finally {
    await env.close();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
