// standards.html: typing a city or county name shows only the rows that contain it, and says how
// many are shown. Nothing is fetched or stored.
const input = document.getElementById('filter');
const count = document.getElementById('filter-count');
const rows = [...document.querySelectorAll('tbody tr')];
const filter = () => {
  const words = input.value.trim().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const row of rows) {
    const match = words.every((w) => row.dataset.search.includes(w));
    row.hidden = !match;
    if (match) shown += 1;
  }
  for (const section of document.querySelectorAll('section')) {
    section.hidden = !section.querySelector('tbody tr:not([hidden])');
  }
  count.textContent = words.length ? `找到${shown}个地区` : '';
};
input.addEventListener('input', filter);
filter();
