// Keeping and handing on the answers without a server (issue 26), in Debian's headless Chromium:
// a file saved and opened again, the QR code decoded with jsQR and opened in a fresh browser, a
// link pasted into the hotline, and bad files and links refused, with nothing sent or stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { ARTIFACTS, BASE, axeViolations, launch, spouseIllChildAtSchool } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => browser?.close());

async function open(path = '#/', viewport = { width: 412, height: 915 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(BASE + path);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  const loaded = requests.length;
  return { page, context, errors, requestsAfterLoad: () => requests.slice(loaded) };
}

const next = (page) => page.getByRole('button', { name: '继续' }).click();
const yes = (page, id, value) => page.locator(value ? `#${id}` : `#${id}-no`).check();

/** A 太原 household of three, with a confirmed 12万-a-month question and a blank disposable income. */
async function household(page) {
  await page.getByRole('link', { name: '开始' }).click();
  await page.locator('#place-pack').selectOption('shanxi');
  await page.locator('#place-city').selectOption('taiyuan');
  await next(page);
  const at = (i, name) => page.locator(`#member-${i}-${name}`);
  await at(0, 'age').fill('45'); await at(0, 'work').selectOption('employed');
  await spouseIllChildAtSchool(page);
  await next(page);
  await page.getByRole('button', { name: '添加一项收入' }).click();
  await page.locator('#income-0-amount').fill('1.2万');
  await page.locator('#income-0-amount-per').selectOption('year');
  // The disability spending question is asked only when a member has a disability certificate.
  for (const [id, value] of [['spending-medical', '1.8万'], ['spending-other', '0'], ['assets-financial', '0'], ['assets-vehicles', '0'], ['assets-homes', '1']]) {
    await page.locator(`#${id}`).fill(value);
  }
  await next(page);
  await next(page);
  await page.locator('.result-banner').waitFor();
}

/** Every answer on the page's steps, as shown in its controls, for comparing two pages. */
async function answersShown(page) {
  const values = {};
  for (const route of ['#/place', '#/household', '#/money']) {
    await page.evaluate((r) => { location.hash = r; }, route);
    await page.locator('h1').first().waitFor();
    await page.waitForTimeout(50);
    Object.assign(values, await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('main input, main select')]
      .filter((el) => el.id && el.type !== 'file')
      .map((el) => [el.id, el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value]))));
  }
  return values;
}

test('a resident saves the answers to a file, and the next day opens it to the same answers and result; nothing is sent or stored', async () => {
  const { page, context, requestsAfterLoad, errors } = await open();
  await household(page);
  const banner = await page.locator('.result-banner').innerText();
  await page.locator('.share-details > summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存这些回答（下载文件）' }).click()]);
  assert.match(download.suggestedFilename(), /^社会救助自评回答-\d{4}-\d{2}-\d{2}\.json$/);
  const file = join(ARTIFACTS, 'saved-answers.json');
  await download.saveAs(file);
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(saved.format, 'low-income-check/answers');
  assert.equal(saved.version, 1);
  assert.equal(saved.household.members.length, 3, 'the household part, as assess reads it');
  assert.match(saved.standard, /^760元\/人\/月（太原市/);
  const before = await answersShown(page);
  // Nothing left the browser (the file is a blob: URL made in the page) and nothing was stored.
  assert.deepEqual(requestsAfterLoad().filter((url) => !url.startsWith('blob:')), []);
  const storage = await page.evaluate(async () => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie, idb: (await indexedDB.databases()).length }));
  assert.deepEqual(storage, { local: 0, session: 0, cookie: '', idb: 0 });
  await context.close();

  const next = await open();
  await next.page.getByRole('heading', { name: '接着上次填写' }).waitFor();
  await next.page.getByLabel('打开保存的回答（选择之前下载的文件）').setInputFiles(file);
  await next.page.locator('.result-banner').waitFor();
  assert.equal(await next.page.locator('.result-banner').innerText(), banner);
  assert.match(await next.page.locator('#opened-note').innerText(), /^已打开\d{4}-\d{2}-\d{2}保存的回答。$/);
  assert.deepEqual(await answersShown(next.page), before);
  assert.deepEqual(next.requestsAfterLoad(), []);
  assert.deepEqual(await next.page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length), 0);
  assert.deepEqual([...errors, ...next.errors], []);
  await next.context.close();
});

test('the QR code on the results, decoded by jsQR from the screen, opens the same answers and result on a phone', async () => {
  const { page, context } = await open('#/', { width: 1024, height: 900 });
  await household(page);
  const banner = await page.locator('.result-banner').innerText();
  await page.locator('.share-details > summary').click();
  const qr = page.locator('#share-qr');
  await qr.scrollIntoViewIfNeeded();
  assert.match(await page.locator('.share-code figcaption').innerText(), /任何人扫到或拿到它，都能看到这些回答/);
  const png = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(decoded, 'jsQR reads the code');
  assert.ok(decoded.data.startsWith(BASE) && decoded.data.includes('#/a/'), decoded.data.slice(0, 80));
  console.log(`# QR code: ${decoded.data.length} characters, version ${decoded.version}`);
  const before = await answersShown(page);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();

  // A fresh browser whose first page is the scanned link (not a hash change on a loaded page).
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page2 = await phone.newPage();
  await page2.goto(decoded.data);
  await page2.locator('.result-banner').waitFor();
  assert.equal(await page2.locator('.result-banner').innerText(), banner);
  // The link with the answers was replaced by the results: Back leaves, it does not reopen them.
  assert.equal(await page2.evaluate(() => location.hash), '#/results');
  assert.deepEqual(await answersShown(page2), before);
  // Back past the steps just visited by the test, then once more: the page is left, never the link.
  for (let i = 0; i < 4; i++) await page2.goBack().catch(() => null);
  assert.ok(!page2.url().includes('#/a/'), page2.url());
  await phone.close();
});

test('an operator pastes the link into the hotline, or a scanner types it with Enter, and the grid fills with the same answers', async () => {
  const { page, context } = await open('#/', { width: 1024, height: 900 });
  await household(page);
  await page.locator('.share-details > summary').click();
  const link = await page.locator('#share-qr').getAttribute('data-link');
  const household_ = await answersShown(page);
  await context.close();

  const operator = await open('#/hotline', { width: 1366, height: 768 });
  // A scanner types character by character and ends with Enter.
  await operator.page.locator('#paste-code').focus();
  await operator.page.keyboard.type(link);
  await operator.page.keyboard.press('Enter');
  await operator.page.locator('#hotline-best').waitFor();
  assert.match(await operator.page.locator('#hotline-opened').innerText(), /已打开\d{4}-\d{2}-\d{2}保存的回答/);
  const shown = await operator.page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.hotline-form input, .hotline-form select')]
    .filter((el) => el.id && el.id !== 'paste-code')
    .map((el) => [el.id, el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value])));
  for (const [id, value] of Object.entries(household_)) assert.equal(shown[id], value, id);
  assert.equal(await operator.page.locator('#paste-code').inputValue(), '', 'the field is ready for the next code');
  assert.deepEqual(operator.requestsAfterLoad(), []);
  await operator.context.close();
});

test('a damaged, a foreign and a newer file and an oversized or cut link are refused with a message, and the answers stay', async () => {
  const { page, context, errors } = await open();
  await household(page);
  await page.locator('.share-details > summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存这些回答（下载文件）' }).click()]);
  const good = readFileSync(await download.path(), 'utf8');
  const link = await page.locator('#share-qr').getAttribute('data-link');
  // Back on the start page, with the answers still there.
  await page.evaluate(() => { location.hash = '#/'; });
  const input = page.getByLabel('打开保存的回答（选择之前下载的文件）');
  const cases = [
    ['damaged', good.slice(0, good.length / 2), /文件已损坏，无法读取/],
    ['foreign', JSON.stringify({ name: '张三', members: [] }), /这不是本页面保存的回答文件/],
    ['newer', good.replace('"version": 1', '"version": 2'), /更新版本的页面保存（第2版）/],
    ['oversized', good + ' '.repeat(70 * 1024), /文件太大/],
  ];
  for (const [name, text, message] of cases) {
    await input.setInputFiles({ name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(text) });
    // Each message replaces the last: wait for this one, not for the element.
    await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('#open-answers-error')?.innerText ?? ''), message.source, { timeout: 5000 });
  }
  assert.deepEqual(await axeViolations(page), []);
  // A link cut short, and one far too long: refused, and the answers given are still there.
  for (const [bad, message] of [[link.slice(0, link.length - 200), /链接不完整或已损坏|这不是本页面保存的回答/], [link.split('#/a/')[0] + '#/a/' + 'A'.repeat(5000), /链接太长/]]) {
    await page.goto(bad);
    await page.locator('.error-summary').waitFor();
    assert.match(await page.locator('.error-summary').innerText(), message);
  }
  await page.evaluate(() => { location.hash = '#/household'; });
  await page.locator('#member-2-age').waitFor();
  assert.equal(await page.locator('#member-2-age').inputValue(), '15', 'the answers given are kept');
  assert.deepEqual(errors, []);
  await context.close();
});
