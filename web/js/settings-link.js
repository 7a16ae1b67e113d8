// @ts-check
// A run's settings as a link and as a file: the page URL's hash holds every setting that differs
// from the engine's default (and the target), so the same URL and the same file reproduce the same
// run elsewhere; a settings JSON downloaded from the page (or a model file's settings) loads
// back. Pure functions of text and plain objects; node tests them (tests/node/page-state.test.mjs).
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';

  /** @param {SettingSpec} spec @param {any} value */
  function text(spec, value) {
    if (Array.isArray(value)) return value.join(',');
    return String(value);
  }

  // "#target=species&epochs=30": the form's values (as read()) that differ from the defaults.
  /** @param {SettingSpec[]} table @param {Record<string, any>} raw */
  function toHash(table, raw) {
    const params = new URLSearchParams();
    for (const spec of table) {
      const value = raw[spec.key];
      if (value === undefined || value === '') continue;
      const same = text(spec, value) === text(spec, spec.default);
      if (!same || spec.key === 'target') params.set(spec.key, text(spec, value));
    }
    const query = params.toString();
    return query ? `#${query}` : '';
  }

  // The settings a hash names, by key, as text (flags as booleans); unknown keys are listed apart.
  /** @param {SettingSpec[]} table @param {string} hash */
  function fromHash(table, hash) {
    /** @type {Record<string, any>} */
    const values = {};
    /** @type {string[]} */
    const unknown = [];
    const params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
    for (const [key, value] of params) {
      const spec = table.find((row) => row.key === key);
      if (!spec) unknown.push(key);
      else values[key] = spec.type === 'flag' ? value === 'true' : value;
    }
    return { values, unknown };
  }

  // The settings of a downloaded settings JSON ({ settings }), a model file ({ settings } in
  // snake_case) or a plain object of settings; an Error for anything else.
  /** @param {SettingSpec[]} table @param {string} json */
  function fromJson(table, json) {
    let doc;
    try {
      doc = JSON.parse(json);
    } catch (error) {
      throw new Error(`not JSON: ${error.message}`);
    }
    const source = doc && typeof doc === 'object' && doc.settings && typeof doc.settings === 'object' ? doc.settings : doc;
    if (!source || typeof source !== 'object' || Array.isArray(source)) throw new Error('expected an object of settings');
    /** @type {Record<string, any>} */
    const values = {};
    /** @type {string[]} */
    const unknown = [];
    for (const [key, value] of Object.entries(source)) {
      const spec = table.find((row) => row.key === key || row.name === key);
      if (!spec) unknown.push(key);
      else values[spec.key] = value;
    }
    if (!Object.keys(values).length) throw new Error('it holds no gradtape settings');
    return { values, unknown };
  }

  ui.settingsLink = { toHash, fromHash, fromJson };
})(window.gradtapeUI = window.gradtapeUI || {});
