// Loads the page's WebAssembly and mounts the page. A separate file, because the
// Content-Security-Policy allows no inline script. The wasm path is given explicitly.
// `#/standards` is the static list of every city's standard (standards.html, no wasm needed): on
// load it is left before the app is fetched, and later the link is followed.
const standards = () => location.hash === '#/standards';
if (standards()) {
  location.replace('standards.html');
} else {
  addEventListener('hashchange', () => { if (standards()) location.assign('standards.html'); });
  const { default: init, mountPage } = await import('./app.js');
  await init({ module_or_path: new URL('app_bg.wasm', import.meta.url) });
  mountPage(document.getElementById('app'));
}
