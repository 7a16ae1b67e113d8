// The settings form: reads what it holds, writes defaults, lists the target candidates with
// their class balance, shows a message at each invalid field (aria-invalid, plus the message
// tied to the field with aria-describedby), and locks while a run is going.
(function (ui) {
  'use strict';
  const { byId, el, setText } = ui.dom;
  const fmt = ui.format;

  // settings key -> the id of its control; the error element is `${id}-error`.
  const IDS = {
    target: 'target', epochs: 'epochs', batchSize: 'batch-size', learningRate: 'learning-rate',
    optimizer: 'optimizer', hidden: 'hidden-layers', activation: 'activation',
    validationSplit: 'validation-split', seed: 'seed', encoding: 'encoding', missing: 'missing',
    stratify: 'stratify', exclude: 'exclude',
  };
  const LABELS = {
    target: 'Target column', epochs: 'Epochs', batchSize: 'Batch size', learningRate: 'Learning rate',
    optimizer: 'Optimizer', hidden: 'Hidden layers', activation: 'Activation',
    validationSplit: 'Validation split', seed: 'Seed', encoding: 'Encoding',
    missing: 'Missing values', stratify: 'Stratified split', exclude: 'Feature columns',
  };

  function createFormView({ onTargetChange }) {
    const form = byId('settings-form');
    const fieldset = byId('settings-fields');
    const lockNote = byId('lock-note');
    const defaultsButton = byId('defaults-button');
    const balance = byId('class-balance');
    const controls = {};
    const errors = {};
    const hints = {};
    for (const [key, id] of Object.entries(IDS)) {
      controls[key] = byId(id);
      errors[key] = byId(`${id}-error`);
      hints[key] = controls[key].getAttribute('aria-describedby') || '';
    }
    const featuresCount = byId('features-count');
    let candidates = [];

    // The feature checkboxes: one per column but the target, ticked unless left out.
    let columns = [];
    let idLike = new Set();
    const excluded = new Set();
    function featureBoxes() { return Array.from(controls.exclude.querySelectorAll('input[type="checkbox"]')); }

    function countFeatures() {
      const boxes = featureBoxes();
      const used = boxes.filter((box) => box.checked).length;
      setText(featuresCount, boxes.length ? `(${used} of ${boxes.length} used)` : '');
    }

    function renderFeatures() {
      const legend = controls.exclude.querySelector('legend');
      controls.exclude.replaceChildren(legend, ...columns.filter((name) => name !== controls.target.value).map((name) => {
        const box = el('input', { type: 'checkbox', checked: !excluded.has(name) });
        box.dataset.column = name;
        box.addEventListener('change', () => {
          if (box.checked) excluded.delete(name);
          else excluded.add(name);
          countFeatures();
        });
        const why = idLike.has(name)
          ? el('span', { className: 'id-like', text: '(ID?)', title: 'A different value on every row, like an ID: left out at first' })
          : null;
        return el('label', {}, [box, el('span', { text: name, title: name }), why]);
      }));
      countFeatures();
    }

    // summaries: every column of the newly loaded file, in file order. All are used at first,
    // except those that look like row IDs, which are left out and shown as such.
    function setColumns(summaries) {
      columns = summaries.map((column) => column.name);
      idLike = new Set(summaries.filter((column) => column.idLike).map((column) => column.name));
      resetExcluded();
      renderFeatures();
      if (idLike.size) controls.exclude.closest('details').open = true;
    }

    function resetExcluded() {
      excluded.clear();
      for (const name of idLike) excluded.add(name);
    }

    function read() {
      const raw = { badInput: [] };
      for (const [key, control] of Object.entries(controls)) {
        if (key === 'exclude') continue;
        raw[key] = control.type === 'checkbox' ? control.checked : control.value;
        if (control.validity && control.validity.badInput) raw.badInput.push(key);
      }
      const boxes = featureBoxes();
      raw.exclude = boxes.filter((box) => !box.checked).map((box) => box.dataset.column);
      raw.featureCount = boxes.length;
      return raw;
    }

    function write(values) {
      for (const [key, value] of Object.entries(values)) {
        const control = controls[key];
        if (!control || key === 'target' || key === 'exclude') continue;
        if (control.type === 'checkbox') control.checked = Boolean(value);
        else control.value = String(value);
      }
    }

    function setError(key, message) {
      const control = controls[key];
      const error = errors[key];
      if (message) {
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', `${error.id} ${hints[key]}`.trim());
        setText(error, message);
        error.hidden = false;
      } else {
        control.removeAttribute('aria-invalid');
        if (hints[key]) control.setAttribute('aria-describedby', hints[key]);
        else control.removeAttribute('aria-describedby');
        setText(error, '');
        error.hidden = true;
      }
    }

    // messages: { key: message } for every invalid field; every other field is cleared.
    function showErrors(messages) {
      for (const key of Object.keys(controls)) setError(key, messages[key] || '');
    }

    function has(key) { return Object.prototype.hasOwnProperty.call(controls, key); }
    function focus(key) {
      if (!has(key)) return;
      if (key !== 'exclude') {
        controls[key].focus();
        return;
      }
      controls.exclude.closest('details').open = true;
      const first = featureBoxes()[0];
      if (first) first.focus();
    }
    function label(key) { return LABELS[key] || key; }

    function showBalance(name) {
      const candidate = candidates.find((c) => c.name === name);
      if (!candidate) {
        balance.hidden = true;
        balance.replaceChildren();
        return;
      }
      const total = candidate.counts.reduce((a, b) => a + b, 0) || 1;
      const bar = el('div', { className: 'balance-bar', 'aria-hidden': 'true' }, candidate.counts.slice(0, 2).map((count) =>
        el('span', { style: { width: `${(100 * count) / total}%` } })));
      const legend = el('ul', { className: 'balance-legend', 'aria-label': `Class balance of ${candidate.name}` },
        candidate.labels.map((labelText, i) => el('li', {}, [
          el('span', { className: 'swatch', 'aria-hidden': 'true' }),
          `${labelText}: ${fmt.integer(candidate.counts[i])} (${fmt.percent(candidate.counts[i] / total)})`,
        ])));
      const minority = Math.min(...candidate.counts) / total;
      const warning = minority < 0.2
        ? el('p', { className: 'balance-warning', text: 'The classes are imbalanced: watch precision and recall, not only accuracy.' })
        : null;
      balance.replaceChildren(el('div', { className: 'hint', text: 'Class balance' }), bar, legend, warning || '');
      balance.hidden = false;
    }

    // list: summary.targetCandidates; selected: the name to pre-select.
    function setTargets(list, selected) {
      candidates = list || [];
      const select = controls.target;
      if (!candidates.length) {
        select.replaceChildren(el('option', { value: '', text: 'No column with exactly two values' }));
        select.disabled = true;
        showBalance(null);
        renderFeatures();
        return;
      }
      select.replaceChildren(...candidates.map((c) => el('option', { value: c.name, text: `${c.name} (${c.labels.join(' / ')})` })));
      select.value = candidates.some((c) => c.name === selected) ? selected : candidates[candidates.length - 1].name;
      select.disabled = false;
      showBalance(select.value);
      renderFeatures();
    }

    function target() { return controls.target.value; }

    function lock(locked) {
      fieldset.disabled = locked;
      defaultsButton.disabled = locked;
      lockNote.hidden = !locked;
    }

    controls.target.addEventListener('change', () => {
      setError('target', '');
      showBalance(controls.target.value);
      renderFeatures();
      onTargetChange(controls.target.value);
    });
    for (const [key, control] of Object.entries(controls)) {
      control.addEventListener('input', () => { if (control.getAttribute('aria-invalid')) setError(key, ''); });
    }
    defaultsButton.addEventListener('click', () => {
      write(ui.settings.DEFAULTS);
      resetExcluded();
      renderFeatures();
      showErrors({});
    });

    return { form, read, write, showErrors, has, focus, label, setTargets, setColumns, target, lock };
  }

  ui.createFormView = createFormView;
})(window.gradtapeUI = window.gradtapeUI || {});
