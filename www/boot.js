// Loads the page's WebAssembly and mounts the page. A separate file, because the
// Content-Security-Policy allows no inline script. The wasm path is given explicitly.
// `#/standards` is the static list of every city's standard (standards.html, no wasm needed).
if (location.hash === '#/standards') location.replace('standards.html');
import init, { mountPage } from './app.js';
await init({ module_or_path: new URL('app_bg.wasm', import.meta.url) });
mountPage(document.getElementById('app'));
