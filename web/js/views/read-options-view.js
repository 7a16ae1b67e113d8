// @ts-check
// How the file is read, as the engine's CSV settings table says (js/engine-tables.js: decimal
// separator, text encoding): one select each, with its help. A change reads the file again.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const { byId, el } = ui.dom;

  /** @param {{ onChange: () => void }} options */
  function createReadOptionsView({ onChange }) {
    const box = byId('read-fields');
    const details = /** @type {HTMLDetailsElement} */ (byId('read-options'));
    /** @type {CsvSettingSpec[]} */
    const table = window.gradtapeTables.csvSettings || [];
    /** @type {Record<string, HTMLSelectElement>} */
    const selects = {};
    for (const spec of table) {
      const id = `read-${spec.name.replace(/_/g, '-')}`;
      const help = el('p', { className: 'hint help', id: `${id}-help`, text: spec.help });
      const select = /** @type {HTMLSelectElement} */ (el('select', { id, name: spec.key, 'aria-describedby': help.id },
        spec.choices.map((choice) => el('option', { value: choice.value, text: choice.label, selected: choice.value === spec.default }))));
      select.addEventListener('change', onChange);
      selects[spec.key] = select;
      box.append(el('div', { className: 'field span-2' }, [el('label', { for: id, text: spec.label }), select, help]));
    }

    // loadCsv's options: only the settings that differ from their default.
    function read() {
      /** @type {Record<string, string>} */
      const options = {};
      for (const spec of table) {
        if (selects[spec.key].value !== spec.default) options[spec.key] = selects[spec.key].value;
      }
      return options;
    }

    /** @param {boolean} locked */
    function lock(locked) {
      for (const select of Object.values(selects)) select.disabled = locked;
    }

    /** @param {string} key @param {string} value */
    function set(key, value) {
      if (selects[key]) selects[key].value = value;
    }

    return { read, lock, set, open: () => { details.open = true; } };
  }

  ui.createReadOptionsView = createReadOptionsView;
})(window.gradtapeUI = window.gradtapeUI || {});
