// The page inside an iframe: it tells the host page its height, and nothing else — the message is
// `{ lowIncomeCheckHeight: <pixels> }`, so no answer can ever leave the frame this way.
import init, { mountPage } from './app.js';

await init({ module_or_path: new URL('app_bg.wasm', import.meta.url) });
const app = document.getElementById('app');
mountPage(app);
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
