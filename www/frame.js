// The page inside an iframe: it tells the host page its height, and nothing else — the message is
// `{ lowIncomeCheckHeight: <pixels> }`, so no answer can ever leave the frame this way.
// `frame.html?region=shanxi/taiyuan&mode=hotline&area-kind=rural` presets the widget as the
// element's attributes do; without parameters the full page runs (with its hash routes).
import init, { mountPage, mountWidget } from './app.js';

await init({ module_or_path: new URL('app_bg.wasm', import.meta.url) });
const app = document.getElementById('app');
const query = new URLSearchParams(location.search);
if (query.has('region') || query.has('mode') || query.has('area-kind')) {
  const widget = mountWidget(app, query.get('region') ?? '', query.get('mode'), query.get('area-kind'), null);
  // The page itself says so in fixed words; the text asked for goes only to the console, cut short.
  if (!widget.regionKnown) console.warn(`frame.html: unknown region ${JSON.stringify((query.get('region') ?? '').slice(0, 60))}`);
} else {
  mountPage(app);
}
let last = 0;
const post = () => {
  const height = Math.ceil(app.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ lowIncomeCheckHeight: height }, '*');
  }
};
new ResizeObserver(post).observe(app);
post();
