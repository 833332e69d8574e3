// Embedding in partner portals: the web component (closed shadow root), the iframe, and the JS API,
// each in Debian's headless Chromium on the demo host pages under www/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { ARTIFACTS, BASE, DIST, launch } from './support.mjs';

const ORIGIN = new URL(BASE).origin;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => browser?.close());

async function openHost(path, viewport = { width: 600, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(BASE + path);
  return { page, context, requests, errors };
}

/** The widget's DOM seen through the DevTools protocol, which pierces closed shadow roots. */
async function shadow(page) {
  const cdp = await page.context().newCDPSession(page);
  const tree = async () => (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })).root;
  const walk = (node, visit) => {
    visit(node);
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child, visit);
  };
  const byId = async (id) => {
    let found;
    walk(await tree(), (n) => {
      const attrs = n.attributes ?? [];
      for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'id' && attrs[i + 1] === id) found ??= n;
    });
    assert.ok(found, `#${id} inside the widget`);
    return found;
  };
  return {
    /** The widget's visible text (its HTML with tags removed). */
    async text() {
      let host;
      walk(await tree(), (n) => { if (n.localName === 'low-income-check') host ??= n; });
      const root = host.shadowRoots?.[0];
      assert.equal(root?.shadowRootType, 'closed');
      const parts = [];
      for (const child of root.children ?? []) {
        const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId: child.nodeId });
        parts.push(outerHTML);
      }
      return parts.join('').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    },
    async focus(id) {
      await cdp.send('DOM.focus', { nodeId: (await byId(id)).nodeId });
    },
  };
}

async function waitForText(s, pattern) {
  for (let i = 0; i < 50; i++) {
    if (pattern.test(await s.text())) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`widget never showed ${pattern}`);
}

test('the web component renders, computes with its preset region, and its answers stay out of the host’s reach', async () => {
  const { page, context, requests, errors } = await openHost('demo-component.html');
  // The host listens for the widget's result event, as a portal would.
  await page.evaluate(() => {
    window.results = [];
    document.querySelector('low-income-check').addEventListener('result', (e) => window.results.push(e.detail));
  });
  const s = await shadow(page);
  await waitForText(s, /看看您家可能符合哪些社会救助/);
  // The host page sees only the element: no shadow root to open, no inputs, no widget text.
  const fromHost = await page.evaluate(() => {
    const el = document.querySelector('low-income-check');
    return { shadowRoot: el.shadowRoot, inputs: document.querySelectorAll('input, select').length,
      text: document.body.innerText, hash: location.hash, globals: Object.keys(window).filter((k) => /wasm|yew|low/i.test(k)) };
  });
  assert.deepEqual(fromHost, { shadowRoot: null, inputs: 0, text: fromHost.text, hash: '', globals: [] });
  assert.doesNotMatch(fromHost.text, /看看您家/);
  // Fill a household by keyboard, focusing fields through the protocol (the host cannot).
  const k = (key) => page.keyboard.press(key);
  await s.focus('main-content');
  // Go on with the step links by keyboard (focus read from the accessibility tree, which sees
  // into the closed shadow root as assistive technology does).
  const go = async (label) => {
    for (let i = 0; i < 80; i++) {
      await k('Tab');
      if ((await focusedName(page)) === label) { await k('Enter'); return; }
    }
    assert.fail(`could not reach ${label} with Tab`);
  };
  await go('开始');
  await waitForText(s, /您住在哪里/);
  assert.match(await s.text(), /760元\/人\/月（太原市/, 'region="shanxi/taiyuan" preset the area');
  await go('继续');
  await waitForText(s, /家庭成员/);
  await s.focus('member-0-age'); await page.keyboard.type('40');
  await go('继续');
  await waitForText(s, /收入、支出和财产/);
  await s.focus('main-content');
  await go('添加一项收入');
  await s.focus('income-0-amount'); await page.keyboard.type('700');
  for (const id of ['spending-other', 'assets-financial', 'assets-vehicles', 'assets-homes']) {
    await s.focus(id); await page.keyboard.type('0');
  }
  await go('继续');
  await go('继续');
  await waitForText(s, /您家最可能符合： 最低生活保障（低保）/);
  assert.equal(await page.evaluate(() => location.hash), '', 'in-memory routes: the host URL never changes');
  // One result event for the one completed assessment: categories and statuses, never an answer.
  const results = await page.evaluate(() => window.results);
  assert.equal(results.length, 1, `${results.length} result events`);
  // 太原's figure is from 2023: the status is dated, as everywhere the result goes.
  assert.deepEqual(results[0].best, { category: 'dibao', name: '最低生活保障（低保）', status: 'likely', status_label: '按2023年标准：很可能符合' });
  assert.ok(results[0].categories.some((c) => c.category === 'marginal' && c.status === 'unlikely'));
  assert.deepEqual(Object.keys(results[0]).sort(), ['best', 'categories']);
  assert.doesNotMatch(JSON.stringify(results[0]), /700|40岁/, 'no answer in the event');
  await page.locator('low-income-check').screenshot({ path: join(ARTIFACTS, 'embed-component-results.png') });
  assert.deepEqual(errors, []);
  assert.ok(requests.every((url) => url.startsWith(ORIGIN)), `only own files: ${requests.join(', ')}`);
  const storage = await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length);
  assert.equal(storage, 0);
  await context.close();
});

/** The accessible name of the focused element, wherever it is (closed shadow roots included). */
async function focusedName(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  // The page itself (RootWebArea) is "focused" too; the element is the other one.
  const focused = nodes.find((n) => n.role?.value !== 'RootWebArea' && n.properties?.some((p) => p.name === 'focused' && p.value?.value));
  return focused?.name?.value ?? '';
}

test('hostile global CSS on the host page changes nothing inside the widget', async () => {
  const shots = [];
  for (const path of ['demo-component.html', 'demo-hostile.html']) {
    const { page, context } = await openHost(path);
    const s = await shadow(page);
    await waitForText(s, /看看您家可能符合哪些社会救助/);
    await page.waitForLoadState('networkidle');
    const element = page.locator('low-income-check');
    assert.ok(await element.isVisible(), `${path}: the widget is visible`);
    // Only whole pixels inside the widget: its height is fractional, and the rounded-up last row
    // would show a sliver of whatever the host draws below it.
    const box = await element.boundingBox();
    const clip = { x: box.x, y: box.y, width: Math.floor(box.width), height: Math.floor(box.height) };
    shots.push(await page.screenshot({ clip, fullPage: true, path: join(ARTIFACTS, `embed-${path.replace('.html', '')}.png`) }));
    await context.close();
  }
  assert.ok(shots[0].equals(shots[1]), 'the widget looks pixel-for-pixel the same with and without the hostile styles');
});

test('the hotline widget mode renders its one-screen form inside the component', async () => {
  const { page, context, errors } = await openHost('demo-hotline.html', { width: 1440, height: 1000 });
  const s = await shadow(page);
  await waitForText(s, /12345 热线坐席/);
  assert.match(await s.text(), /话术：/);
  assert.match(await s.text(), /南宁市/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the iframe computes inside, resizes itself, and the host receives only its height', async () => {
  const { page, context, requests } = await openHost('demo-iframe.html');
  const frame = page.frameLocator('#low-income-check');
  await frame.getByRole('link', { name: '开始' }).click();
  await frame.getByLabel('市', { exact: true }).selectOption('taiyuan');
  await frame.getByRole('button', { name: '继续' }).click();
  await frame.locator('#member-0-age').fill('78');
  await frame.locator('#member-0-supporter').selectOption('none');
  await frame.getByRole('button', { name: '继续' }).click();
  await frame.getByRole('button', { name: '添加一项收入' }).click();
  await frame.locator('#income-0-kind').selectOption('pension');
  await frame.locator('#income-0-amount').fill('500');
  for (const id of ['spending-other', 'assets-financial', 'assets-vehicles', 'assets-homes']) {
    await frame.locator(`#${id}`).fill('0');
  }
  await frame.getByRole('button', { name: '继续' }).click();
  await frame.getByRole('button', { name: '继续' }).click();
  assert.match(await frame.locator('.result-banner').innerText(), /特困人员救助供养/);
  await page.waitForFunction(() => Number(document.getElementById('low-income-check').height) > 1500);
  const received = await page.evaluate(() => window.receivedFromFrame);
  assert.ok(received.length > 0);
  for (const message of received) {
    assert.deepEqual(Object.keys(message), ['lowIncomeCheckHeight']);
    assert.equal(typeof message.lowIncomeCheckHeight, 'number');
  }
  const frameHeight = await page.evaluate(() => Number(document.getElementById('low-income-check').height));
  assert.equal(frameHeight, received.at(-1).lowIncomeCheckHeight, 'the frame is as tall as it said');
  await page.screenshot({ path: join(ARTIFACTS, 'embed-iframe.png'), fullPage: true });
  assert.ok(requests.every((url) => url.startsWith(ORIGIN)));
  await context.close();
});

test('the JS API assesses, validates packs, and answers bad input with an error object, never an exception', async () => {
  const { page, context, errors } = await openHost('demo-api.html');
  await page.waitForFunction(() => window.lowIncomeCheck);
  const shown = await page.locator('#api-output').innerText();
  assert.match(shown, /最可能符合：最低生活保障（低保）（按2023年标准：很可能符合）/);
  assert.doesNotMatch(shown, /likely|dibao/, 'the demo shows names and statuses in Chinese, not codes');
  const r = await page.evaluate(() => {
    const { assess, validatePolicy } = window.lowIncomeCheck;
    const household = { place: { pack: 'guangxi', area: 'nanning' }, members: [{ age: 50 }, { age: 49 }],
      income: [{ member: 0, kind: 'wages', amount: '2916', per: 'month' }] };
    const partner = { format: 1, id: 'partner/demo', name: '示例区', rules: null };
    const cyclic = {}; cyclic.self = cyclic;
    const ok = assess(household);
    return {
      best: ok.assessment.best.category,
      status: ok.assessment.best.status,
      moneyIsString: typeof ok.assessment.household.net_income,
      net: ok.assessment.household.net_income,
      badAge: assess({ members: [{ age: 'old' }] }),
      // Money as people type it, the same as the page takes: 2916 a month written three ways.
      typed: ['2916', '2,916元', '0.2916万'].map((amount) => assess({ ...household,
        income: [{ member: 0, kind: 'wages', amount, per: 'month' }] }).assessment.household.net_income),
      twoAmounts: assess({ ...household, income: [{ member: 0, kind: 'wages', amount: '1500、1800', per: 'month' }] }),
      nothing: assess(undefined),
      number: assess(42),
      cyclic: assess(cyclic),
      unknownPack: assess(household, 'atlantis'),
      builtinById: assess(household, 'national').assessment.pack.id,
      badPack: validatePolicy(partner),
      cyclicPack: validatePolicy(cyclic),
    };
  });
  assert.equal(r.best, 'marginal');
  assert.equal(r.status, 'likely');
  assert.equal(r.moneyIsString, 'string');
  assert.equal(r.net, '34992');
  assert.equal(r.badAge.ok, false);
  assert.deepEqual(r.badAge.errors.map((e) => [e.in, e.path]), [['household', 'members[0].age']]);
  assert.deepEqual(r.typed, ['34992', '34992', '34992']);
  assert.deepEqual(r.twoAmounts.errors.map((e) => e.path), ['income[0].amount']);
  assert.match(r.twoAmounts.errors[0].message, /请只填写一个金额/);
  for (const bad of [r.nothing, r.number, r.cyclic]) {
    assert.equal(bad.ok, false);
    assert.ok(bad.errors[0].message.length > 0);
  }
  assert.equal(r.unknownPack.errors[0].in, 'policy');
  assert.equal(r.builtinById, 'national');
  assert.equal(r.badPack.ok, false);
  assert.match(r.badPack.errors[0].path, /^rules/);
  assert.equal(r.cyclicPack.ok, false);
  // A partner's own pack (examples/pack-partner-example.json), validated and then used.
  const packText = readFileSync(new URL('../../examples/pack-partner-example.json', import.meta.url), 'utf8');
  const partner = await page.evaluate((text) => {
    const { assess, validatePolicy } = window.lowIncomeCheck;
    const pack = JSON.parse(text);
    const household = { place: { area: 'xiaodian' }, members: [{ age: 40 }],
      income: [{ member: 0, kind: 'wages', amount: '500', per: 'month' }], assets: { financial: '4000' } };
    const a = assess(household, pack);
    const asText = assess(JSON.stringify(household), text);
    return { valid: validatePolicy(pack), pack: a.assessment.pack.id, best: a.assessment.best, sameAsText: asText.assessment.pack.id };
  }, packText);
  assert.deepEqual(partner.valid, { ok: true, id: 'partner/taiyuan-xiaodian', name: '太原市小店区（合作方示例）', areas: 1 });
  assert.equal(partner.pack, 'partner/taiyuan-xiaodian');
  assert.equal(partner.sameAsText, 'partner/taiyuan-xiaodian');
  assert.deepEqual([partner.best.category, partner.best.status], ['dibao', 'likely'], 'the partner pack\'s asset limit decided the property test');
  assert.deepEqual(errors, []);
  await context.close();
});

/** A portal on another origin (another loopback port): serves one host page, nothing else. */
async function portal(html) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  // Closing drops the browser's kept-alive connections too, which would otherwise hold the server open.
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  };
}

test('a portal on another origin embeds the component and the iframe: the files are served for cross-origin use', async () => {
  const host = await portal(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>合作门户</title>
<script type="module" src="${BASE}embed.js"></script></head>
<body><main><h1>合作门户</h1><low-income-check region="shanxi/taiyuan"></low-income-check>
<iframe id="frame" src="${BASE}frame.html" title="低收入人口救助自我评估" style="width:100%;border:0" height="600"></iframe></main></body></html>`);
  assert.notEqual(new URL(host.url).origin, ORIGIN, 'the portal is another origin');
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  const failures = [];
  page.on('console', (m) => { if (m.type() === 'error') failures.push(m.text()); });
  page.on('requestfailed', (r) => failures.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('pageerror', (e) => failures.push(e.message));
  await page.goto(host.url);
  await waitForText(await shadow(page), /看看您家可能符合哪些社会救助/);
  await page.frameLocator('#frame').getByRole('heading', { level: 1, name: '看看您家可能符合哪些社会救助' }).waitFor();
  assert.deepEqual(failures, [], 'no CORS or framing error');
  await page.screenshot({ path: join(ARTIFACTS, 'embed-cross-origin.png'), fullPage: true });
  await context.close();
  await host.close();
});

test('a host page themes the widget with the documented --lic-* properties, and nothing else of its CSS gets in', async () => {
  const host = await portal(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>合作门户</title>
<style>low-income-check { --lic-accent: rgb(128, 0, 128); --lic-font: serif; --link: rgb(255, 0, 0); }
a { background: rgb(0, 255, 0) !important; }</style>
<script type="module" src="${BASE}embed.js"></script></head>
<body><main><h1>合作门户</h1><low-income-check region="shanxi"></low-income-check></main></body></html>`);
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.goto(host.url);
  await waitForText(await shadow(page), /看看您家可能符合哪些社会救助/);
  const cdp = await context.newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const root = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })).root;
  let start;
  const walk = (n) => {
    const attrs = n.attributes ?? [];
    for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'class' && attrs[i + 1] === 'button start') start ??= n;
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
  };
  walk(root);
  assert.ok(start, 'the 开始 button inside the widget');
  const { computedStyle } = await cdp.send('CSS.getComputedStyleForNode', { nodeId: start.nodeId });
  const style = Object.fromEntries(computedStyle.map((p) => [p.name, p.value]));
  assert.equal(style['background-color'], 'rgb(128, 0, 128)', '--lic-accent colours the main button');
  assert.equal(style['font-family'], 'serif', '--lic-font sets the font');
  assert.notEqual(style['background-color'], 'rgb(0, 255, 0)', 'the host’s own rules stay out');
  await context.close();
  await host.close();
});

test('every demo page fits a 390 px phone without sideways scrolling', async () => {
  for (const path of ['demo.html', 'demo-component.html', 'demo-iframe.html', 'demo-api.html', 'demo-hotline.html']) {
    const { page, context } = await openHost(path, { width: 390, height: 844 });
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${path} is ${overflow} px wider than the phone`);
    await context.close();
  }
});

test('changing region after mount takes effect; an unknown region is shown and warned of; area-kind presets 农村; frame.html takes the same settings', async () => {
  const host = await portal(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>合作门户</title>
<script type="module" src="${BASE}embed.js"></script></head>
<body><main><h1>合作门户</h1><low-income-check mode="hotline" region="shanxi/taiyuan"></low-income-check></main></body></html>`);
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(host.url);
  const s = await shadow(page);
  await waitForText(s, /760元\/人\/月（太原市/);
  await page.evaluate(() => document.querySelector('low-income-check').setAttribute('region', 'guangxi/nanning'));
  await waitForText(s, /810元\/人\/月（南宁市，城市标准/);
  await page.evaluate(() => document.querySelector('low-income-check').setAttribute('area-kind', 'rural'));
  await waitForText(s, /6800元\/人\/年（南宁市，农村标准/);
  await page.evaluate(() => document.querySelector('low-income-check').setAttribute('region', 'shanxi/atlantis'));
  await waitForText(s, /嵌入设置有误：没有找到所设的地区/);
  assert.ok(warnings.some((w) => w.includes('unknown region "shanxi/atlantis"')), warnings.join('\n'));
  await context.close();

  const framed = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const frame = await framed.newPage();
  await frame.goto(BASE + 'frame.html?region=guangxi/nanning&mode=hotline&area-kind=rural');
  await frame.getByText(/6800元\/人\/年（南宁市，农村标准/).waitFor();
  assert.equal(await frame.evaluate(() => location.hash), '', 'the frame keeps its routes in memory');
  // A link anyone can write puts no words of theirs on a page with the government's look.
  const planted = '民政局通知：请将救助金转入账户6222000011112222';
  await frame.goto(BASE + `frame.html?region=${encodeURIComponent(planted)}`);
  await frame.getByText('嵌入设置有误：没有找到所设的地区').waitFor();
  assert.doesNotMatch(await frame.locator('body').innerText(), /6222|转入账户/);
  await framed.close();
  await host.close();
});

test('the JS API answers before init() with an error object, and refuses an oversized string before copying it into wasm memory', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A portal's own page on another origin, importing the API as the docs show.
  const host = await portal('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>门户</title></head><body></body></html>');
  await page.goto(host.url);
  const r = await page.evaluate(async (base) => {
    const api = await import(base + 'api.js');
    const household = { members: [{ age: 40 }] };
    const early = { assess: api.assess(household), validate: api.validatePolicy({}) };
    const wasm = await api.default({ module_or_path: new URL(base + 'api_bg.wasm') });
    const memory = () => wasm.memory.buffer.byteLength;
    api.assess(household);
    const before = memory();
    // 20 million characters: 60 MB of UTF-8 had it been copied, far past the 256 KB a household may be.
    const big = '中'.repeat(20_000_000);
    const hugeHousehold = api.assess(big);
    const hugePack = api.assess(household, '{' + big);
    const hugeObject = api.assess({ members: [{ age: 40, note: big }] });
    const hugeValidate = api.validatePolicy(big);
    // The reproducer: two strings of V8's maximum length had trapped (RuntimeError: unreachable).
    const max = 536870888;
    const maximal = api.assess('中'.repeat(max), '{' + '中'.repeat(max - 1));
    return { early, hugeHousehold, hugePack, hugeObject, hugeValidate, maximal, grown: memory() - before, after: api.assess(household).ok };
  }, BASE);
  for (const [answer, input] of [[r.early.assess, 'household'], [r.early.validate, 'policy']]) {
    assert.equal(answer.ok, false);
    assert.equal(answer.errors[0].in, input);
    assert.match(answer.errors[0].message, /尚未加载.*init\(\)/);
  }
  for (const [answer, input, what] of [[r.hugeHousehold, 'household', '输入'], [r.hugePack, 'policy', '政策包'],
    [r.hugeObject, 'household', '输入'], [r.hugeValidate, 'policy', '政策包'], [r.maximal, 'household', '输入']]) {
    assert.equal(answer.ok, false);
    assert.equal(answer.errors[0].in, input);
    assert.match(answer.errors[0].message, new RegExp(`^${what}过大（\\d+ 个字符，上限 \\d+ 字节`));
  }
  assert.ok(r.grown < 1024 * 1024, `wasm memory grew by ${r.grown} bytes`);
  assert.equal(r.after, true, 'the API still answers');
  assert.deepEqual(errors, []);
  await context.close();
  await host.close();
});

test('the server sends the headers a production server should: framing, opener, permissions', async () => {
  const headers = async (path) => (await fetch(BASE + path)).headers;
  const page = await headers('index.html');
  assert.match(page.get('content-security-policy'), /frame-ancestors 'self'(;|$)/);
  assert.equal(page.get('x-frame-options'), 'SAMEORIGIN');
  assert.equal(page.get('cross-origin-opener-policy'), 'same-origin');
  assert.match(page.get('permissions-policy'), /camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  // frame.html: framed by loopback pages here (the demos, the tests' portal), never by any site.
  const frame = (await headers('frame.html')).get('content-security-policy');
  const ancestors = frame.split(';').map((d) => d.trim()).find((d) => d.startsWith('frame-ancestors'));
  assert.equal(ancestors, "frame-ancestors 'self' http://127.0.0.1:* http://localhost:*");
  assert.equal((await headers('api.js')).get('access-control-allow-origin'), '*');
});

test('every demo page carries its own CSP, so hosted as plain files it still cannot send anything out', async () => {
  // A static server that sends no headers at all, as a plain file host would.
  const server = createServer((req, res) => {
    const name = new URL(req.url, 'http://x').pathname.slice(1) || 'demo.html';
    try {
      const body = readFileSync(join(DIST, name));
      const type = { html: 'text/html', js: 'text/javascript', css: 'text/css', wasm: 'application/wasm' }[name.split('.').pop()];
      res.writeHead(200, type ? { 'Content-Type': type } : {});
      res.end(body);
    } catch { res.writeHead(404); res.end(); }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}/`;
  const context = await browser.newContext();
  for (const name of readdirSync(DIST).filter((n) => /^demo.*\.html$/.test(n))) {
    const page = await context.newPage();
    await page.goto(origin + name);
    const blocked = await page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
      fetch('http://127.0.0.1:9/leak').catch(() => {});
      setTimeout(() => resolve(null), 2000);
    }));
    assert.equal(blocked, 'connect-src', `${name}: a request out is not blocked`);
    await page.close();
  }
  await context.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
