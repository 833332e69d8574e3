// The host side of the iframe option: resize the frame to the height it reports. The frame sends
// `{ lowIncomeCheckHeight }` and nothing else; the host keeps what it received only to show it here.
const frame = document.getElementById('low-income-check');
window.receivedFromFrame = [];
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  window.receivedFromFrame.push(event.data);
  const height = event.data?.lowIncomeCheckHeight;
  if (typeof height === 'number' && height > 0 && height < 100000) frame.height = String(height);
});
