// <low-income-check region="shanxi/taiyuan" mode="resident|hotline"></low-income-check>
//
// One script tag and one element. The widget renders in a closed shadow root: of the host page's
// CSS only the documented --lic-* properties reach inside (custom properties inherit), the host's
// scripts cannot read the answers, and nothing global is added beyond the element's name. Its files (app.js, app_bg.wasm, style.css) load from beside this script.
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
  #mounted = false;

  connectedCallback() {
    if (this.#mounted) return;
    this.#mounted = true;
    const root = this.attachShadow({ mode: 'closed' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL('style.css', base).href;
    const mount = document.createElement('div');
    root.append(style, mount);
    const region = this.getAttribute('region') ?? '';
    const mode = this.getAttribute('mode') === 'hotline' ? 'hotline' : 'resident';
    load().then((m) => m.mountWidget(mount, region, mode));
  }
}

if (!customElements.get('low-income-check')) customElements.define('low-income-check', LowIncomeCheck);
