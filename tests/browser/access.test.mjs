// Keyboard, focus and large text on the resident's page and the operator's screen (issue 25), in
// Debian's headless Chromium: each measured, not looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { ARTIFACTS, BASE, axeViolations, launch, spouseIllChildAtSchool } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => browser?.close());

async function open(path, viewport = { width: 412, height: 915 }, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`console: ${m.text()}`); });
  await page.goto(BASE + path);
  await page.locator('h1').first().waitFor();
  return { page, context, errors };
}

const next = (page) => page.getByRole('button', { name: '继续' }).click();
const yes = (page, id, value) => page.locator(value ? `#${id}` : `#${id}-no`).check();

/** The resident's steps for a three-member 太原 household, ending on the review. */
async function toReview(page, { stop } = {}) {
  await page.getByRole('link', { name: '开始' }).click();
  await page.locator('#place-pack').selectOption('shanxi');
  await page.locator('#place-city').selectOption('taiyuan');
  if (stop === 'place') return;
  await next(page);
  const at = (i, name) => page.locator(`#member-${i}-${name}`);
  await at(0, 'age').fill('45'); await at(0, 'work').selectOption('employed');
  await at(0, 'disability').selectOption('physical'); await at(0, 'grade').selectOption('3'); await yes(page, 'member-0-care', true);
  await at(0, 'supporter').selectOption('none');
  await spouseIllChildAtSchool(page);
  if (stop === 'household') return;
  await next(page);
  await page.getByRole('button', { name: '添加一项收入' }).click();
  await page.locator('#income-0-amount').fill('2000');
  for (const [id, value] of [['spending-medical', '1.8万'], ['spending-disability', '0'], ['spending-other', '0'], ['assets-financial', '0'], ['assets-vehicles', '0'], ['assets-homes', '1']]) {
    await page.locator(`#${id}`).fill(value);
  }
  if (stop === 'money') return;
  await next(page);
  await page.getByRole('heading', { level: 1, name: '核对您的回答' }).waitFor();
}

// ---------------------------------------------------------------------------------------------
// Focus rings (WCAG 2.4.7, 1.4.11; the area test of 2.4.13): for every control the keyboard
// reaches, the pixels that change by 3:1 or more when it takes focus are counted, and must cover at
// least a 2 px ring around it.

const luminance = ([r, g, b]) => {
  const c = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
};
const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

async function ringPixels(page, handle) {
  await handle.evaluate((el) => { el.scrollIntoView({ block: 'center' }); el.focus(); });
  const box = await handle.boundingBox();
  const view = page.viewportSize();
  const clip = { x: Math.max(0, box.x - 8), y: Math.max(0, box.y - 8) };
  clip.width = Math.min(view.width, box.x + box.width + 8) - clip.x;
  clip.height = Math.min(view.height, box.y + box.height + 8) - clip.y;
  // A 2 px ring around each box the control is drawn in (a link that wraps has one per line).
  const needed = Math.round(await handle.evaluate((el) => [...el.getClientRects()].reduce((sum, r) => sum + 2 * 2 * (r.width + r.height), 0)));
  const focused = PNG.sync.read(await page.screenshot({ clip }));
  await handle.evaluate((el) => el.blur());
  const blurred = PNG.sync.read(await page.screenshot({ clip }));
  let changed = 0;
  for (let i = 0; i < focused.data.length; i += 4) {
    const a = [focused.data[i], focused.data[i + 1], focused.data[i + 2]];
    const b = [blurred.data[i], blurred.data[i + 1], blurred.data[i + 2]];
    if (contrast(a, b) >= 3) changed++;
  }
  return { changed, needed, box };
}

async function assertRings(page, label) {
  const controls = await page.locator('a[href], button, input, select, textarea, summary').elementHandles();
  let measured = 0;
  const weak = [];
  for (const handle of controls) {
    // Drawn and reachable: not in a folded <details>, not disabled.
    const visible = await handle.evaluate((el) => !el.disabled && el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }));
    if (!visible) continue;
    const name = await handle.evaluate((el) => el.id || el.textContent.trim().slice(0, 12) || el.tagName);
    const { changed, needed, box } = await ringPixels(page, handle);
    if (box.width < 2) continue; // the skip link's resting place, off screen (measured focused below)
    measured++;
    if (changed < needed) weak.push(`${name}: ${changed} of ${needed} px`);
  }
  assert.deepEqual(weak, [], `${label}: controls whose focus change is under a 2 px ring at 3:1`);
  return measured;
}

test('every control the keyboard reaches, on each step, the results and the hotline, shows a focus ring of at least 2 px at 3:1', async () => {
  const { page, context } = await open('#/');
  let total = await assertRings(page, 'start');
  await toReview(page, { stop: 'household' });
  total += await assertRings(page, 'household');
  await next(page);
  await page.getByRole('button', { name: '添加一项收入' }).click();
  await page.locator('#income-0-amount').fill('2000');
  for (const [id, value] of [['spending-medical', '1.8万'], ['spending-disability', '0'], ['spending-other', '0'], ['assets-financial', '0'], ['assets-vehicles', '0'], ['assets-homes', '1']]) {
    await page.locator(`#${id}`).fill(value);
  }
  total += await assertRings(page, 'money');
  await next(page);
  total += await assertRings(page, 'review');
  await next(page);
  await page.locator('.result-banner').waitFor();
  total += await assertRings(page, 'results');
  await page.goto(BASE + '#/hotline');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.locator('#place-pack').selectOption('shanxi');
  await page.getByRole('button', { name: '生成并选中记录（再按 Ctrl+C 复制）' }).click();
  total += await assertRings(page, 'hotline');
  console.log(`# focus rings measured on ${total} controls`);
  assert.ok(total > 80, `${total} controls measured`);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// Deleting: focus to a safe place, the deletion announced, an undo offered.

test('deleting a member or an income line moves focus to the next card or the 添加 button, announces it, and 撤销删除 brings it back', async () => {
  const { page, context, errors } = await open('#/');
  await toReview(page, { stop: 'household' });
  const active = () => page.evaluate(() => document.activeElement?.id);
  // The last member: focus goes to 添加, never onto another 删除.
  await page.getByRole('button', { name: '删除第3位成员' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'add-member', null, { timeout: 5000 });
  assert.equal(await page.locator('fieldset.member').count(), 2);
  const status = page.locator('.undo-note[role="status"]').first();
  assert.match(await status.innerText(), /已删除第3位成员（子女，15岁）/);
  await page.getByRole('button', { name: '撤销删除' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'member-2-relation', null, { timeout: 5000 });
  assert.equal(await page.locator('#member-2-age').inputValue(), '15');
  assert.equal(await status.innerText(), '', 'the note goes with the undo');
  // A member in the middle: focus goes to the next member's first field, now in its place.
  await page.getByRole('button', { name: '删除第1位成员' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'member-0-relation', null, { timeout: 5000 });
  assert.equal(await page.locator('#member-0-age').inputValue(), '43');
  assert.notEqual(await page.evaluate(() => document.activeElement?.textContent), '删除第1位成员');
  await page.getByRole('button', { name: '撤销删除' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'member-0-relation', null, { timeout: 5000 });
  assert.equal(await page.locator('#member-0-age').inputValue(), '45');
  assert.equal(await page.locator('fieldset.member').count(), 3);
  // Income lines behave the same.
  await next(page);
  for (const amount of ['2000', '800']) {
    await page.getByRole('button', { name: '添加一项收入' }).click();
    await page.locator('.income:last-of-type input[id$="-amount"]').fill(amount);
  }
  await page.getByRole('button', { name: '删除第2项收入' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'add-income', null, { timeout: 5000 });
  assert.match(await page.locator('.undo-note').last().innerText(), /已删除第2项收入（工资、劳务收入，800）/);
  await page.getByRole('button', { name: '删除第1项收入' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'add-income', null, { timeout: 5000 });
  assert.equal(await page.locator('fieldset.income').count(), 0);
  assert.notEqual(await active(), undefined);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on the hotline, Alt+A still adds a member after a deletion, Alt+U undoes the deletion, and no shortcut logs an error', async () => {
  const { page, context, errors } = await open('#/hotline', { width: 1366, height: 768 });
  await page.locator('#place-pack').selectOption('shanxi');
  await page.locator('#member-0-age').fill('50');
  await page.locator('#member-0-age').focus();
  await page.keyboard.press('Alt+A');
  await page.waitForFunction(() => document.activeElement?.id === 'member-1-age', null, { timeout: 5000 });
  await page.keyboard.type('20');
  await page.getByRole('button', { name: '删除第2位成员' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'add-member', null, { timeout: 5000 });
  await page.keyboard.press('Alt+A');
  await page.waitForFunction(() => document.activeElement?.id === 'member-1-age', null, { timeout: 5000 });
  assert.equal(await page.locator('fieldset.member').count(), 2);
  await page.getByRole('button', { name: '删除第2位成员' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'add-member', null, { timeout: 5000 });
  await page.keyboard.press('Alt+U');
  await page.waitForFunction(() => document.querySelectorAll('fieldset.member').length === 2, null, { timeout: 5000 });
  assert.deepEqual(errors, []);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// The call record.

test('the call record carries the disability grade, months without income, serious illness and schooling, and no name or number', async () => {
  const { page, context } = await open('#/hotline', { width: 1366, height: 768 });
  await page.locator('#place-pack').selectOption('shanxi');
  await page.locator('#place-city').selectOption('taiyuan');
  const at = (i, name) => page.locator(`#member-${i}-${name}`);
  await at(0, 'age').fill('45'); await at(0, 'work').selectOption('unemployed');
  await at(0, 'disability').selectOption('physical'); await at(0, 'grade').selectOption('3'); await yes(page, 'member-0-care', false);
  await at(0, 'supporter').selectOption('none');
  await page.getByRole('button', { name: '添加一位家庭成员' }).click();
  await at(1, 'relation').selectOption('spouse'); await at(1, 'age').fill('43');
  await at(1, 'ill').check(); await yes(page, 'member-1-serious', true); await yes(page, 'member-1-treatment', true);
  await page.getByRole('button', { name: '添加一位家庭成员' }).click();
  await at(2, 'relation').selectOption('child'); await at(2, 'age').fill('15'); await at(2, 'student').selectOption('junior_secondary');
  await yes(page, 'member-2-fulltime', true); await yes(page, 'member-2-highfee', false); await yes(page, 'member-2-abroad', false);
  await at(2, 'fees').fill('0'); await at(2, 'supporter').selectOption('able');
  await page.locator('#income-none').check();
  for (const [id, value] of [['spending-medical', '0'], ['spending-disability', '0'], ['spending-other', '0'], ['assets-financial', '0'], ['assets-vehicles', '0'], ['assets-homes', '1']]) {
    await page.locator(`#${id}`).fill(value);
  }
  await page.locator('#situation-unemployed').check();
  await page.locator('#situation-months').fill('4');
  await page.locator('#hotline-best').waitFor();
  await page.getByRole('button', { name: '生成并选中记录（再按 Ctrl+C 复制）' }).click();
  const record = await page.locator('#call-record').inputValue();
  for (const fact of ['申请人45岁：无业；肢体残疾三级', '配偶43岁：患重病，仍在治疗', '子女15岁：初中在读（全日制）', '失业，已连续4个月无收入，未参加失业保险']) {
    assert.ok(record.includes(fact), `${fact}\n${record}`);
  }
  assert.doesNotMatch(record, /姓名：|身份证号：|\d{11}/);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// The reader's own font size, and 大字.

test('with the browser font set to 32 px the page is set at 32 px, and at 390 px no step, review or result scrolls sideways', async () => {
  const { page, context } = await open('#/', { width: 390, height: 844 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  await page.reload();
  await page.locator('h1').waitFor();
  assert.equal(await page.locator('.app').evaluate((el) => getComputedStyle(el).fontSize), '32px');
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(await overflow(), 0, 'start');
  await toReview(page, { stop: 'place' });
  assert.equal(await overflow(), 0, 'place');
  await next(page);
  await toReviewFromHousehold(page);
  assert.equal(await overflow(), 0, 'review');
  await page.screenshot({ path: join(ARTIFACTS, 'font-32-review.png'), fullPage: true });
  await next(page);
  await page.locator('.result-banner').waitFor();
  assert.equal(await overflow(), 0, 'results');
  await page.goto(BASE + '#/hotline');
  await page.reload();
  await page.locator('h1').waitFor();
  assert.equal(await page.locator('.app').evaluate((el) => getComputedStyle(el).fontSize), '28px', 'the hotline at 7/8 of the reader’s size');
  await context.close();
});

async function toReviewFromHousehold(page) {
  const at = (i, name) => page.locator(`#member-${i}-${name}`);
  await at(0, 'age').fill('66'); await at(0, 'work').selectOption('retired'); await at(0, 'supporter').selectOption('none');
  await next(page);
  await page.getByRole('button', { name: '添加一项收入' }).click();
  await page.locator('#income-0-kind').selectOption('pension');
  await page.locator('#income-0-amount').fill('600');
  for (const [id, value] of [['spending-medical', '0'], ['spending-disability', '0'], ['spending-other', '0'], ['assets-financial', '0'], ['assets-vehicles', '0'], ['assets-homes', '1']]) {
    if (await page.locator(`#${id}`).count()) await page.locator(`#${id}`).fill(value);
  }
  await next(page);
  await page.getByRole('heading', { level: 1, name: '核对您的回答' }).waitFor();
}

/** Targets under `size` px among buttons, fields, choices, folds and stand-alone links (a link in a
 * sentence is exempt, as in WCAG 2.5.8). */
const smallTargets = (page, size) => page.evaluate((size) => {
  const small = [];
  for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary')) {
    const rects = el.getClientRects();
    if (!rects.length || getComputedStyle(el).visibility === 'hidden') continue;
    if (el.tagName === 'A' && el.parentElement.textContent.trim() !== el.textContent.trim()) continue;
    const r = el.getBoundingClientRect();
    if (r.width < size || r.height < size) small.push(`${el.id || el.textContent.trim().slice(0, 10) || el.tagName} ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  return small;
}, size);

test('in 大字 the text is 18 px or more, every target is 44 × 44 px or more, buttons 60 px tall, and paragraphs in result cards stand apart (工信部适老化规范)', async () => {
  const { page, context } = await open('#/', { width: 412, height: 915 });
  await page.getByRole('button', { name: '大字、高对比' }).click();
  await toReview(page, { stop: 'household' });
  assert.deepEqual(await smallTargets(page, 44), [], 'household step');
  const checkbox = await page.locator('#member-1-ill').boundingBox();
  assert.ok(checkbox.width >= 44 && checkbox.height >= 44, `checkbox ${checkbox.width}×${checkbox.height}`);
  const button = await page.getByRole('button', { name: '继续' }).boundingBox();
  assert.ok(button.height >= 60, `继续 is ${button.height} px tall`);
  await next(page);
  await page.getByRole('button', { name: '添加一项收入' }).click();
  await page.locator('#income-0-amount').fill('2000');
  for (const [id, value] of [['spending-medical', '1.8万'], ['spending-disability', '0'], ['spending-other', '0'], ['assets-financial', '0'], ['assets-vehicles', '0'], ['assets-homes', '1']]) {
    await page.locator(`#${id}`).fill(value);
  }
  assert.deepEqual(await smallTargets(page, 44), [], 'money step');
  await next(page);
  assert.deepEqual(await smallTargets(page, 44), [], 'review');
  await next(page);
  await page.locator('.result-banner').waitFor();
  await page.evaluate(() => document.querySelectorAll('.results details').forEach((d) => { d.open = true; }));
  assert.deepEqual(await smallTargets(page, 44), [], 'results');
  const text = await page.evaluate(() => {
    const sizes = [...document.querySelectorAll('main p, main li, main dd, main label')]
      .filter((el) => el.getClientRects().length && el.textContent.trim())
      .map((el) => parseFloat(getComputedStyle(el).fontSize));
    return Math.min(...sizes);
  });
  assert.ok(text >= 18, `the smallest text is ${text} px`);
  // 行距 ≥ 1.3; between paragraphs more than between lines: the gap is at least 0.3 of a line, so
  // a paragraph's pitch is at least 1.3 × the line pitch.
  const spacing = await page.evaluate(() => {
    const worst = { line: Infinity, gap: Infinity };
    for (const card of document.querySelectorAll('.check, .result-card')) {
      const ps = [...card.children].filter((el) => el.tagName === 'P' && el.getClientRects().length);
      for (const p of ps) {
        const style = getComputedStyle(p);
        worst.line = Math.min(worst.line, parseFloat(style.lineHeight) / parseFloat(style.fontSize));
      }
      for (let i = 1; i < ps.length; i++) {
        const gap = ps[i].getBoundingClientRect().top - ps[i - 1].getBoundingClientRect().bottom;
        worst.gap = Math.min(worst.gap, gap / parseFloat(getComputedStyle(ps[i - 1]).lineHeight));
      }
    }
    return worst;
  });
  assert.ok(spacing.line >= 1.3, `line spacing ${spacing.line}`);
  assert.ok(spacing.gap >= 0.3, `paragraph gap ${spacing.gap} of a line`);
  await page.screenshot({ path: join(ARTIFACTS, 'large-results.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// The operator's screen: nothing cut, 大字 reaches it, and the result in view when zoomed.

/** Labels and legends cut (wider than shown), and selects narrower than one of their options. */
const cutText = (page) => page.evaluate(() => {
  const cut = [];
  for (const el of document.querySelectorAll('.hotline-form label:not(.visually-hidden), .hotline-form legend')) {
    if (!el.getClientRects().length || getComputedStyle(el).position === 'absolute') continue;
    if (el.scrollWidth > el.clientWidth + 1 || getComputedStyle(el).textOverflow === 'ellipsis') cut.push(`label ${el.textContent}`);
  }
  const canvas = document.createElement('canvas').getContext('2d');
  for (const select of document.querySelectorAll('.hotline-form select')) {
    const style = getComputedStyle(select);
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
    for (const option of select.options) {
      const width = canvas.measureText(option.text).width;
      if (width > room) cut.push(`${select.id}: “${option.text}” ${Math.round(width)} > ${Math.round(room)}`);
    }
  }
  return cut;
});

async function hotlineHousehold(page) {
  await page.locator('#place-pack').selectOption('shanxi');
  await page.locator('#place-city').selectOption('taiyuan');
  const at = (i, name) => page.locator(`#member-${i}-${name}`);
  await at(0, 'age').fill('72'); await at(0, 'disability').selectOption('physical'); await at(0, 'grade').selectOption('2');
  await at(0, 'supporter').selectOption('unable');
  await page.getByRole('button', { name: '添加一位家庭成员' }).click();
  await at(1, 'relation').selectOption('child'); await at(1, 'age').fill('20'); await at(1, 'student').selectOption('undergraduate');
  await page.getByRole('button', { name: '添加一项收入' }).click();
  await page.locator('#income-0-member').selectOption('1');
  await page.locator('#income-0-kind').selectOption('business_net');
  await page.locator('#income-0-amount').fill('800');
  await page.locator('#situation-unemployed').check();
}

test('at 100 % on a 1366 px screen no hotline label is cut and every option of every select is shown whole', async () => {
  const { page, context } = await open('#/hotline', { width: 1366, height: 768 });
  await hotlineHousehold(page);
  assert.deepEqual(await cutText(page), []);
  await page.screenshot({ path: join(ARTIFACTS, 'hotline-100.png'), fullPage: true });
  await context.close();
});

test('大字 enlarges the hotline’s labels and buttons to 18 px; at 200 % zoom nothing is cut and the live result stays on screen for every field', async () => {
  // 1280 × 768 at 200 %: 640 × 384 CSS px at 2 device pixels each.
  const { page, context, errors } = await open('#/hotline', { width: 640, height: 384 }, { deviceScaleFactor: 2 });
  await page.getByRole('button', { name: '大字、高对比' }).click();
  await hotlineHousehold(page);
  const sizes = await page.evaluate(() => [...document.querySelectorAll('.hotline-form label:not(.visually-hidden), .hotline-form legend, .hotline-form .button')]
    .filter((el) => el.getClientRects().length && getComputedStyle(el).position !== 'absolute' || el.classList.contains('button'))
    .map((el) => parseFloat(getComputedStyle(el).fontSize)));
  assert.ok(Math.min(...sizes) >= 18, `smallest hotline label or button: ${Math.min(...sizes)} px`);
  assert.deepEqual(await cutText(page), []);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  const ids = await page.locator('.hotline-form input, .hotline-form select').evaluateAll((els) => els.map((e) => e.id));
  for (const id of ids) {
    await page.locator(`#${id}`).focus();
    const where = await page.evaluate(() => {
      const panel = document.querySelector('.hotline-result').getBoundingClientRect();
      const title = document.querySelector('#hotline-result-title').getBoundingClientRect();
      const answer = (document.querySelector('#hotline-best') ?? document.querySelector('#hotline-live')).getBoundingClientRect();
      const field = document.activeElement.getBoundingClientRect();
      return { panel: panel.top, title: title.top, answer: answer.top, bottom: answer.top + Math.min(answer.height, 40), height: innerHeight, field: field.bottom };
    });
    assert.ok(where.field <= where.panel + 1, `#${id} (bottom at ${where.field}) is not under the result panel (top at ${where.panel})`);
    assert.ok(where.title >= where.panel && where.answer >= 0 && where.bottom <= where.height,
      `with #${id} focused the result's heading is at ${where.title} (panel ${where.panel}) and its answer at ${where.answer} of ${where.height}`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'hotline-200-large.png') });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
