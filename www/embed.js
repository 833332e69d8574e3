// <low-income-check region="shanxi/taiyuan" mode="resident|hotline" area-kind="urban|rural"></low-income-check>
//
// One script tag and one element. The widget renders in a closed shadow root: of the host page's
// CSS only the documented --lic-* properties reach inside (custom properties inherit), the host's
// scripts cannot read the answers, and nothing global is added beyond the element's name. Its files
// (app.js, app_bg.wasm, style.css) load from beside this script.
//
// Each completed assessment the visitor sees is announced as a `result` event on the element, with
// the categories and their statuses only (`event.detail`: { best, categories }); never an answer.
const base = new URL('.', import.meta.url);
let module;

function load() {
  module ??= import(new URL('app.js', base).href).then(async (m) => {
    await m.default({ module_or_path: new URL('app_bg.wasm', base) });
    return m;
  });
  return module;
}

class LowIncomeCheck extends HTMLElement {
  static observedAttributes = ['region', 'mode', 'area-kind'];
  #root;
  #widget;
  #mounting;

  connectedCallback() {
    if (this.#root) return;
    this.#root = this.attachShadow({ mode: 'closed' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL('style.css', base).href;
    this.#root.append(style);
    this.#mount();
  }

  // A changed attribute takes effect: the widget starts again with it (answers are not carried over,
  // since they may not fit the new region).
  attributeChangedCallback(_name, before, after) {
    if (this.#root && before !== after) this.#mount();
  }

  #mount() {
    const asked = this.getAttribute('region') ?? '';
    const mode = this.getAttribute('mode') === 'hotline' ? 'hotline' : 'resident';
    const kind = this.getAttribute('area-kind');
    const mounting = (this.#mounting = load().then((m) => {
      if (mounting !== this.#mounting) return;
      this.#widget?.destroy();
      this.#root.querySelector('div')?.remove();
      const mount = document.createElement('div');
      this.#root.append(mount);
      this.#widget = m.mountWidget(mount, asked, mode, kind, (detail) =>
        this.dispatchEvent(new CustomEvent('result', { detail, bubbles: true })));
      if (!this.#widget.regionKnown) console.warn(`<low-income-check>: unknown region "${asked}"; the visitor chooses it`);
    }));
  }
}

if (!customElements.get('low-income-check')) customElements.define('low-income-check', LowIncomeCheck);
