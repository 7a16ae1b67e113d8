// @ts-check
// The settings form, drawn from the engine's settings table: one field per setting (number
// inputs, selects, checkboxes), each with its label, its default and its help behind a "?"
// toggle; the advanced ones folded under "Advanced". The target and the feature columns come
// from the loaded data. Reads what the form holds, shows a message at each invalid field
// (aria-invalid, and the message tied to the field with aria-describedby), and locks while a
// run is going.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const { byId, el, setText } = ui.dom;
  const fmt = ui.format;

  // "batchSize" -> "batch-size": a setting's control id; its error is `${id}-error`.
  /** @param {string} key */
  const idOf = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

  /** @param {SettingSpec} spec @param {string} id */
  function control(spec, id) {
    const common = { id, name: spec.key };
    if (spec.type === 'choice') {
      return el('select', common, (spec.choices || []).map((choice) =>
        el('option', { value: choice.value, text: choice.label, selected: choice.value === spec.default })));
    }
    if (spec.type === 'flag') return el('input', { ...common, type: 'checkbox', checked: Boolean(spec.default) });
    if (spec.type === 'integer' || spec.type === 'number') {
      const integer = spec.type === 'integer';
      return el('input', {
        ...common, type: 'number', inputmode: integer ? 'numeric' : 'decimal', step: integer ? '1' : 'any',
        min: spec.minExclusive ? undefined : spec.min, max: spec.maxExclusive ? undefined : spec.max, value: String(spec.default),
      });
    }
    const value = Array.isArray(spec.default) ? spec.default.join(',') : String(spec.default);
    return el('input', { ...common, type: 'text', value, spellcheck: 'false', autocomplete: 'off' });
  }

  // The field of one setting: label (after the box for a checkbox), control, "?" help, error.
  /** @param {SettingSpec} spec */
  function field(spec) {
    const id = idOf(spec.key);
    const input = control(spec, id);
    const help = el('p', { className: 'hint help', id: `${id}-help`, text: `${spec.help} (${ui.format.capitalize(spec.rule)}.)`, hidden: true });
    const toggle = el('button', { type: 'button', className: 'help-toggle', 'aria-label': `About ${spec.label}`, 'aria-expanded': 'false', 'aria-controls': help.id, text: '?' });
    toggle.addEventListener('click', () => {
      help.hidden = !help.hidden;
      toggle.setAttribute('aria-expanded', String(!help.hidden));
    });
    input.setAttribute('aria-describedby', help.id);
    const label = el('label', { for: id, text: spec.label });
    const error = el('p', { className: 'field-error', id: `${id}-error`, hidden: true });
    const flag = spec.type === 'flag';
    return el('div', { className: flag ? 'field span-2 check' : 'field', dataset: { field: spec.key } },
      flag ? [input, label, toggle, help, error] : [el('div', { className: 'field-head' }, [label, toggle]), input, help, error]);
  }

  /** @param {{ onTargetChange: (target: string) => void }} options */
  function createFormView({ onTargetChange }) {
    const form = /** @type {HTMLFormElement} */ (byId('settings-form'));
    const fieldset = /** @type {HTMLFieldSetElement} */ (byId('settings-fields'));
    const lockNote = byId('lock-note');
    const defaultsButton = /** @type {HTMLButtonElement} */ (byId('defaults-button'));
    const balance = byId('class-balance');
    const advanced = byId('advanced-fields');
    const table = ui.settings.table;
    for (const spec of table.filter((s) => s.place === 'main')) fieldset.insertBefore(field(spec), advanced.closest('details'));
    advanced.append(...table.filter((s) => s.place === 'advanced').map(field));

    /** @type {Record<string, any>} */
    const controls = {};
    /** @type {Record<string, HTMLElement>} */
    const errors = {};
    /** @type {Record<string, string>} */
    const hints = {};
    for (const spec of table) {
      const id = idOf(spec.key);
      controls[spec.key] = byId(id);
      errors[spec.key] = byId(`${id}-error`);
      hints[spec.key] = controls[spec.key].getAttribute('aria-describedby') || '';
    }
    const featuresCount = byId('features-count');
    /** @type {any[]} */
    let candidates = [];
    /** @type {ColumnSummary[]} */
    let summaries = [];

    // The feature checkboxes: one per column but the target, ticked unless left out.
    /** @type {string[]} */
    let columns = [];
    let idLike = new Set();
    const excluded = new Set();
    const featureBoxes = () => /** @type {HTMLInputElement[]} */ (Array.from(controls.exclude.querySelectorAll('input[type="checkbox"]')));

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

    function resetExcluded() {
      excluded.clear();
      for (const name of idLike) excluded.add(name);
    }

    // summaries: every column of the newly loaded file, in file order. All are used at first,
    // except those that look like row IDs, which are left out and shown as such.
    /** @param {ColumnSummary[]} list */
    function setColumns(list) {
      summaries = list;
      columns = summaries.map((column) => column.name);
      idLike = new Set(summaries.filter((column) => column.idLike).map((column) => column.name));
      resetExcluded();
      renderFeatures();
      if (idLike.size) controls.exclude.closest('details').open = true;
    }

    // What the form holds, by setting key: text, booleans, and the columns left out.
    function read() {
      /** @type {Record<string, any> & { badInput: string[] }} */
      const raw = { badInput: [] };
      for (const [key, node] of Object.entries(controls)) {
        if (key === 'exclude') continue;
        raw[key] = node.type === 'checkbox' ? node.checked && !node.disabled : node.value;
        if (node.validity && node.validity.badInput) raw.badInput.push(key);
      }
      raw.exclude = featureBoxes().filter((box) => !box.checked).map((box) => box.dataset.column);
      return raw;
    }

    // Every setting of the form back to the table's default.
    function writeDefaults() {
      for (const spec of table) {
        const node = controls[spec.key];
        if (spec.place === 'data') continue;
        if (node.type === 'checkbox') node.checked = Boolean(spec.default);
        else node.value = Array.isArray(spec.default) ? spec.default.join(',') : String(spec.default);
      }
    }

    // Sets the settings `values` names (by key; text, booleans or lists), as a link or a loaded
    // settings file gives them. The target and the columns left out apply to the loaded file
    // only where it has those columns. Returns the keys it could not apply.
    /** @param {Record<string, any>} values @returns {string[]} */
    function write(values) {
      const skipped = [];
      for (const [key, value] of Object.entries(values)) {
        const node = controls[key];
        if (key === 'exclude') {
          const names = new Set(Array.isArray(value) ? value : String(value).split(',').filter(Boolean));
          if (!columns.length && names.size) { skipped.push(key); continue; }
          excluded.clear();
          for (const name of names) if (columns.includes(name)) excluded.add(name);
          renderFeatures();
        } else if (key === 'target') {
          const usable = candidates.some((c) => c.name === value && !c.refused[taskFor(c)]);
          if (!usable) { skipped.push(key); continue; }
          renderTargets(String(value));
          onTargetChange(controls.target.value);
        } else if (!node) {
          skipped.push(key);
        } else if (node.type === 'checkbox') {
          node.checked = value === true || value === 'true';
        } else {
          node.value = Array.isArray(value) ? value.join(',') : String(value);
          if (node.tagName === 'SELECT' && node.value !== String(value)) skipped.push(key);
        }
      }
      if (values.task !== undefined && candidates.length) renderTargets(controls.target.value);
      return skipped;
    }

    /** @param {string} key @param {string} message */
    function setError(key, message) {
      const node = controls[key];
      const error = errors[key];
      if (message) {
        node.setAttribute('aria-invalid', 'true');
        node.setAttribute('aria-describedby', `${error.id} ${hints[key]}`.trim());
        setText(error, message);
        error.hidden = false;
      } else {
        node.removeAttribute('aria-invalid');
        if (hints[key]) node.setAttribute('aria-describedby', hints[key]);
        else node.removeAttribute('aria-describedby');
        setText(error, '');
        error.hidden = true;
      }
    }

    // messages: { key: message } for every invalid field; every other field is cleared.
    /** @param {Record<string, string>} messages */
    function showErrors(messages) {
      for (const key of Object.keys(controls)) setError(key, messages[key] || '');
      const inAdvanced = Object.keys(messages).some((key) => advanced.contains(controls[key] || null));
      if (inAdvanced) advanced.closest('details').open = true;
    }

    /** @param {string} key */
    function has(key) { return Object.prototype.hasOwnProperty.call(controls, key); }
    /** @param {string} key */
    function focus(key) {
      if (!has(key)) return;
      if (key !== 'exclude') {
        const details = controls[key].closest('details');
        if (details) details.open = true;
        controls[key].focus();
        return;
      }
      controls.exclude.closest('details').open = true;
      const first = featureBoxes()[0];
      if (first) first.focus();
    }
    /** @param {string} key */
    function label(key) {
      const spec = ui.settings.spec(key);
      return spec ? spec.label : key;
    }

    // The task the selected target would train: the Task setting, or the rule's for that column.
    /** @param {any} candidate */
    function taskFor(candidate) {
      const chosen = controls.task.value;
      return chosen === 'auto' ? candidate.task : chosen;
    }

    // "species: 3 classes", "Sex: 2 classes (F / M)", "progression: regression", or why not.
    /** @param {any} c */
    function optionLabel(c) {
      const task = taskFor(c);
      const why = c.refused[task];
      if (why) return `${c.name}: ${why}`;
      if (task === 'regression') return `${c.name}: regression`;
      const k = c.labels.length;
      return k === 2 ? `${c.name}: 2 classes (${c.labels.join(' / ')})` : `${c.name}: ${k} classes`;
    }

    /** @param {number} i @param {number} k */
    function classColour(i, k) {
      return `hsl(${Math.round((245 + (360 * i) / Math.max(k, 1)) % 360)} 62% 56%)`;
    }

    // The selected target's classes and their counts, or for regression its range.
    /** @param {string | null} name */
    function showBalance(name) {
      const candidate = candidates.find((c) => c.name === name);
      if (!candidate || candidate.refused[taskFor(candidate)]) {
        balance.hidden = true;
        balance.replaceChildren();
        return;
      }
      if (taskFor(candidate) === 'regression') {
        const column = summaries.find((c) => c.name === name);
        const range = column && column.dtype !== 'object'
          ? `A number from ${fmt.stat(column.min, fmt.columnKind(column))} to ${fmt.stat(column.max, fmt.columnKind(column))} (mean ${fmt.stat(column.mean, fmt.columnKind(column))}): the model predicts its value.`
          : 'A number: the model predicts its value.';
        balance.replaceChildren(el('p', { className: 'hint', text: range }));
        balance.hidden = false;
        return;
      }
      const total = candidate.counts.reduce((a, b) => a + b, 0) || 1;
      const k = candidate.counts.length;
      const bar = el('div', { className: 'balance-bar', 'aria-hidden': 'true' }, candidate.counts.map((count, i) =>
        el('span', { style: { width: `${(100 * count) / total}%`, background: classColour(i, k) } })));
      const legend = el('ul', { className: 'balance-legend', 'aria-label': `Class balance of ${candidate.name}` },
        candidate.labels.map((labelText, i) => el('li', {}, [
          el('span', { className: 'swatch', 'aria-hidden': 'true', style: { background: classColour(i, k) } }),
          `${labelText}: ${fmt.integer(candidate.counts[i])} (${fmt.percent(candidate.counts[i] / total)})`,
        ])));
      const minority = Math.min(...candidate.counts) / total;
      const warning = minority < 0.2 / Math.max(1, k / 2)
        ? el('p', { className: 'balance-warning', text: 'The classes are imbalanced: watch each class\'s recall, not only accuracy.' })
        : null;
      balance.replaceChildren(el('div', { className: 'hint', text: k === 2 ? 'Class balance' : `${k} classes` }), bar, legend, warning || '');
      balance.hidden = false;
    }

    // Every column as a possible target, those that cannot be one (for the task chosen) disabled
    // with the reason. list: summary.targetCandidates; selected: the name to pre-select.
    /** @param {any[]} list @param {string | null} selected */
    function setTargets(list, selected) {
      candidates = list || [];
      renderTargets(selected);
    }

    /** @param {string | null} selected */
    function renderTargets(selected) {
      const select = controls.target;
      const usable = candidates.filter((c) => !c.refused[taskFor(c)]);
      select.replaceChildren(...candidates.map((c) => el('option', { value: c.name, text: optionLabel(c), disabled: Boolean(c.refused[taskFor(c)]) })));
      if (!usable.length) {
        select.prepend(el('option', { value: '', text: candidates.length ? 'No column can be the target' : 'Load a CSV file first' }));
        select.value = '';
        select.disabled = true;
      } else {
        select.value = usable.some((c) => c.name === selected) ? selected : usable[usable.length - 1].name;
        select.disabled = false;
      }
      syncTask();
      showBalance(select.value);
      renderFeatures();
    }

    // Stratification needs classes: off and unavailable for a regression target.
    function syncTask() {
      const candidate = candidates.find((c) => c.name === controls.target.value);
      const regression = Boolean(candidate) && taskFor(candidate) === 'regression';
      controls.stratify.disabled = regression;
      if (regression) controls.stratify.checked = false;
    }

    function target() { return controls.target.value; }

    /** @param {boolean} locked */
    function lock(locked) {
      fieldset.disabled = locked;
      defaultsButton.disabled = locked;
      lockNote.hidden = !locked;
    }

    controls.target.addEventListener('change', () => {
      setError('target', '');
      syncTask();
      showBalance(controls.target.value);
      renderFeatures();
      onTargetChange(controls.target.value);
    });
    controls.task.addEventListener('change', () => {
      const before = controls.target.value;
      renderTargets(before);
      if (controls.target.value !== before) onTargetChange(controls.target.value);
    });
    for (const [key, node] of Object.entries(controls)) {
      node.addEventListener('input', () => { if (node.getAttribute('aria-invalid')) setError(key, ''); });
    }
    defaultsButton.addEventListener('click', () => {
      writeDefaults();
      resetExcluded();
      renderTargets(controls.target.value);
      showErrors({});
    });

    // Sets one setting's control to `value` (a choice's value, or text), as a person would.
    /** @param {string} key @param {string} value */
    function set(key, value) {
      if (!has(key) || key === 'exclude') return;
      controls[key].value = value;
      setError(key, '');
    }

    return { form, read, showErrors, has, focus, label, setTargets, setColumns, target, lock, set, write };
  }

  ui.createFormView = createFormView;
})(window.gradtapeUI = window.gradtapeUI || {});
