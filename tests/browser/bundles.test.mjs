// What each bundle carries. The page's first load is the performance issue's largest cost, so the
// split that keeps it small is tested: the page has no JSON parser (the built-in packs are compiled
// as Rust), the partner API has no Yew, and the page's first load does not grow unnoticed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './support.mjs';

const bytes = (name) => readFileSync(join(DIST, name));
// serde_json's own error text, present wherever its parser is linked in.
const JSON_PARSER = 'EOF while parsing a value';
// Yew's table of DOM event names, present wherever Yew's renderer is linked in.
const YEW = 'onauxclickonblur';

test('the page bundle carries Yew and no JSON parser; the API bundle carries the parser and no Yew', () => {
  const page = bytes('app_bg.wasm');
  const api = bytes('api_bg.wasm');
  assert.ok(page.includes(YEW), 'the marker for Yew is still right');
  assert.ok(!page.includes(JSON_PARSER), 'the page must not link serde_json: load built-in packs through builtin::load');
  assert.ok(api.includes(JSON_PARSER), 'the marker for the JSON parser is still right');
  assert.ok(!api.includes(YEW), 'the API bundle must not link Yew');
});

// A ceiling, not the budget: the first load was 165 KB brotli when this was written (the budget of
// 100 KB is not met; see README "Performance"). Raise it only for a feature worth its bytes: raised
// from 170 to 175 for issue 12 (172.1 KB: the leave warning, the printable answers, the 每月12万
// question, condition cards and the 两项补贴 income kind); from 175 to 180 for issue 13 (175.3 KB:
// all 41 cities of the three provinces with their county figures, the city → district step, and the
// answer without a standard; the packs' areas became a data table, which saved 4 of the 7 KB); the
// hotline's one-screen layout, script panel and undo then took it to 177.9 KB; from 180 to 182 for
// issue 15 (180.1 KB: the widget's result event, its attributes taking effect after mount, the
// unknown-region message); from 182 to 196 for issue 21: the answer at every 低保标准 (the sweep, the
// ladder's lines on the page, the hotline and the record, the dated labels, the exact bounds and the
// sentences review found untrue) measured 8,639 B (184,112 → 192,751 B, both built here), so 191
// would cover it; the other 5 KB give back the ~8 KB of headroom layout noise needs (it had shrunk
// to 2.2 KB); from 196 to 201 for issue 23: more cities' figures with their sources and notes, the
// city-level lookup (a district never loses its city's figure), the answers at the lowest and the
// highest figure naming every district, and the per-field money messages of issue 24, measured
// 5,391 B (194,736 → 200,127 B, both built here; a sort that had cost 708 B was replaced by a
// scan). That keeps the 5.7 KB of headroom it had, short of the 8 KB layout noise wants: the packs'
// sources and notes (a third of the growth) could load on demand; from 201 to 205 for issue 25:
// focus after deletions with their announcement and undo, 继续 reporting a step's blanks first, a
// field judged when left, the call record's member facts and circumstances, and the CSS for focus
// rings, the reader's font size, 大字 and the wrapping hotline, measured 3,593 B (202,016 → 205,609 B,
// both built here; sharing one copy of the undo note saved 1 KB raw). Headroom stays at 4.2 KB: only
// a smaller page can give back the rest (the hotline and the call record, which only operators use,
// are the largest part only some users need); from 205 to 247 for issue 26: saving the answers to a
// file and opening it, the QR code and its #/a/ links, and the hotline's paste field, measured
// 42,812 B (205,609 → 248,421 B, both built here). Of the raw WebAssembly: reading and writing the
// answers through serde-wasm-bindgen (the page had no serde code at all) 33 KB, serde's derives
// and visitors 26 KB, the float formatting serde's error messages link in 17 KB, qrcodegen 8 KB,
// the UI 11 KB, lz-str 1.4 KB; not reading the household part back saved 5 KB brotli. Loading this
// only when asked for would be a request after load, which the privacy rule forbids; a smaller
// reader for the answers (miniserde or nanoserde, without serde's error text) is the next saving.
// The review's fixes (the places a saved file may name, the history entry replaced) then brought it
// to 249,742 B, 3.2 KB under the ceiling.
const CEILING_KB = 247;

test(`the page's first load (html + js + wasm + css, brotli as served) stays under ${CEILING_KB} KB`, () => {
  const files = ['index.html', 'boot.js', 'style.css', 'app.js', 'app_bg.wasm'];
  const total = files.reduce((sum, name) => sum + statSync(join(DIST, `${name}.br`)).size, 0);
  assert.ok(total <= CEILING_KB * 1024, `first load is ${(total / 1024).toFixed(1)} KB brotli`);
});

test('dist/npm is a package a portal can vendor: every export and listed file is there, with types', () => {
  const dir = join(DIST, 'npm');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const cargo = readFileSync(join(DIST, '..', 'Cargo.toml'), 'utf8');
  assert.equal(pkg.version, /^version = "([^"]+)"/m.exec(cargo)[1], 'the package version is the crate version');
  assert.equal(pkg.type, 'module');
  const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  for (const target of [...targets, pkg.main, pkg.types, ...pkg.files.map((f) => `./${f}`)]) {
    assert.ok(statSync(join(dir, target)).size > 0, `${target} is in the package`);
  }
  // The package carries the same built files as dist/, not stale copies.
  for (const name of ['app_bg.wasm', 'api_bg.wasm', 'embed.js']) {
    assert.ok(readFileSync(join(dir, name)).equals(readFileSync(join(DIST, name))), name);
  }
});
