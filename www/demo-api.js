// The JS API, for portals that build their own form: assess(household, policy?) and
// validatePolicy(pack). Every outcome is a value ({ ok: true, … } or { ok: false, errors }).
import init, { assess, validatePolicy } from './api.js';

await init({ module_or_path: new URL('api_bg.wasm', import.meta.url) });

const household = {
  place: { pack: 'shanxi', area: 'taiyuan/urban' },
  members: [{ relation: 'applicant', age: 40 }, { relation: 'child', age: 9 }],
  income: [{ member: 0, kind: 'wages', amount: '1400', per: 'month' }],
};
const result = assess(household);
// Names and statuses in Chinese come with the result (`name`, `status_label`); the codes
// (`category`, `status`) are for programs.
const open = result.ok ? result.assessment.results.filter((r) => r.status === 'likely' || r.status === 'needs_local_check') : [];
document.getElementById('api-output').textContent = result.ok
  ? [`最可能符合：${result.assessment.best ? `${result.assessment.best.name}（${result.assessment.best.status_label}）` : '暂未发现'}`,
     ...open.map((r) => `· ${r.name}：${r.status_label}`)].join('\n')
  : result.errors.map((e) => `${e.path}：${e.message}`).join('\n');

// Exposed for this demo page (and its test) only; a portal keeps these in its own module.
window.lowIncomeCheck = { assess, validatePolicy };
