// @ts-check
// The run settings as the page handles them: the engine's settings table (exported into
// js/engine-tables.js when the page is built), the defaults it holds, and the check of what the
// form holds, which the engine does against that same table. No defaults or limits of its own.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';

  /** @type {SettingSpec[]} */
  const table = window.gradtapeTables.settings;

  /** @param {string} key @returns {SettingSpec | undefined} */
  function spec(key) {
    return table.find((row) => row.key === key);
  }

  /** @returns {Settings} */
  function defaults() {
    return Object.fromEntries(table.map((row) => [row.key, row.default]));
  }

  // The settings in force: the defaults, with `settings` over them.
  /** @param {Settings} settings @returns {Settings} */
  function applied(settings) {
    return { ...defaults(), ...settings };
  }

  // raw: { key: text, boolean or list } from the form, with `badInput` listing the number fields
  // whose text the browser could not read. Returns the engine's { settings, errors }: the checked
  // values, and a message per invalid key.
  /** @param {any} module @param {Record<string, any> & { badInput?: string[] }} raw */
  function check(module, raw) {
    const bad = new Set(raw.badInput || []);
    /** @type {Record<string, any>} */
    const values = {};
    for (const row of table) {
      if (raw[row.key] !== undefined) values[row.key] = bad.has(row.key) ? '?' : raw[row.key];
    }
    return module.checkSettings(values);
  }

  // The page's label of a choice setting's value ("val_auc" -> "Val AUC"), else the value itself.
  /** @param {string} key @param {any} value @returns {string} */
  function choiceLabel(key, value) {
    const row = spec(key);
    const choice = row && row.choices ? row.choices.find((c) => c.value === value) : null;
    return choice ? choice.label : String(value);
  }

  ui.settings = { table, spec, defaults, applied, check, choiceLabel };
})(window.gradtapeUI = window.gradtapeUI || {});
