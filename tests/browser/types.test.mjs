// The TypeScript definitions (www/api.d.ts and www/app.d.ts) against the real formats: the committed example
// households, partner pack and assessment must type-check, as object literals (so a field the
// definitions lack, or a value outside a union, fails), under `tsc --strict`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url).pathname;

test('the example households, partner pack and assessment type-check against api.d.ts and app.d.ts', () => {
  const examples = join(root, 'examples');
  const read = (name) => readFileSync(join(examples, name), 'utf8');
  const households = readdirSync(examples).filter((n) => n.startsWith('household')).map(read);
  const dir = join(root, 'artifacts', 'typecheck');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'check.ts'), `
import type { Assessment, Household, PolicyPack, AssessResponse } from '../../www/api';
import * as api from '../../www/api';
import * as app from '../../www/app';
export const households: Household[] = [${households.join(',\n')}];
export const pack: PolicyPack = ${read('pack-partner-example.json')};
export const assessment: Assessment = ${read('assessment-shanxi-illness.json')};
export function use(): string {
  const r: AssessResponse = api.assess(households[0], pack);
  return r.ok ? r.assessment.household.net_income : r.errors.map((e) => e.path).join();
}
export function mount(root: Element): void {
  app.mountWidget(root, 'shanxi/taiyuan', 'hotline');
}
`);
  const tsc = require.resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'es2022',
    '--moduleResolution', 'bundler', join(dir, 'check.ts')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
