// Loads the page's WebAssembly. A separate file, because the Content-Security-Policy allows no
// inline script. The wasm path is given explicitly (the generated loader has no default).
import init from './app.js';
init({ module_or_path: new URL('app_bg.wasm', import.meta.url) });
