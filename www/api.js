// The partner JS API (docs/EMBEDDING.md §3): `init`, then `assess` and `validatePolicy`. A thin
// layer over the generated bindings (api-bindings.js) that keeps the docs' promise that nothing
// throws: called before `init()` has finished, they answer with an error object, not a TypeError.
import load, { assess as assessLoaded, validatePolicy as validateLoaded } from './api-bindings.js';

let ready = false;

/** Loads the WebAssembly; call once (again is harmless) and await it before anything else. */
export default async function init(options) {
  const exports = await load(options);
  ready = true;
  return exports;
}

const notReady = (input) => ({
  ok: false,
  errors: [{ in: input, path: '', message: '评估程序尚未加载：请先调用并等待 init()，再调用此函数' }],
});

export function assess(household, policy) {
  return ready ? assessLoaded(household, policy) : notReady('household');
}

export function validatePolicy(pack) {
  return ready ? validateLoaded(pack) : notReady('policy');
}
