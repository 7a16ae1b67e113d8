// @ts-check
// The earlier runs of this page, under the charts: each with its colour (its dashed validation
// line in both charts), what sets it apart from the current run, and its last figures; a
// checkbox shows or hides its lines and a button clears it.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const { byId, el } = ui.dom;

  // Colours apart from the train and validation lines', legible on light and dark themes.
  const PALETTE = ['#8d6bb8', '#3f9a6a', '#c0852b', '#4c86c6', '#b85c5c', '#2f9c9c', '#a0708f', '#7c8a3a'];

  /**
   * @typedef {{ number: number, label: string, summary: string, color: string, shown: boolean, comparable: boolean }} PastRunItem
   * @param {{ onShow: (number: number, shown: boolean) => void, onClear: (number?: number) => void }} options
   */
  function createRunsView({ onShow, onClear }) {
    const box = byId('past-runs');
    const list = byId('past-run-list');
    byId('clear-past-runs').addEventListener('click', () => onClear());

    /** @param {number} number */
    const color = (number) => PALETTE[(number - 1) % PALETTE.length];

    /** @param {PastRunItem[]} items */
    function render(items) {
      box.hidden = !items.length;
      list.replaceChildren(...items.map((item) => {
        const check = /** @type {HTMLInputElement} */ (el('input', { type: 'checkbox' }));
        check.checked = item.shown;
        check.disabled = !item.comparable;
        check.addEventListener('change', () => onShow(item.number, check.checked));
        const clear = el('button', { type: 'button', className: 'button ghost small', text: 'Clear' });
        clear.setAttribute('aria-label', `Clear run ${item.number}`);
        clear.addEventListener('click', () => onClear(item.number));
        const why = item.comparable ? item.summary : `${item.summary}; another task, so not in these charts`;
        return el('li', {}, [
          el('label', {}, [check, el('span', { className: 'swatch', style: { '--swatch': item.color } }),
            el('span', { className: 'past-run-name', text: `Run ${item.number}` }),
            el('span', { className: 'past-run-label', text: `${item.label} · ${why}` })]),
          clear,
        ]);
      }));
    }

    return { render, color };
  }

  ui.createRunsView = createRunsView;
})(window.gradtapeUI = window.gradtapeUI || {});
