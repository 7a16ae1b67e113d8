// @ts-check
// Formatting of numbers, sizes, durations and rates for display. Pure functions, no DOM.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';

  const DASH = '–';
  // One formatter each, made once: toLocaleString() builds a new one on every call, slowly.
  const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const finite = (x) => typeof x === 'number' && Number.isFinite(x);

  // 0.87501 -> "0.8750": losses and accuracies, as Keras prints them.
  function fixed(x, digits = 4) {
    return finite(x) ? x.toFixed(digits) : DASH;
  }

  // 0.875 -> "87.5%".
  function percent(x, digits = 1) {
    return finite(x) ? `${(x * 100).toFixed(digits)}%` : DASH;
  }

  // 12345 -> "12,345".
  function integer(n) {
    return finite(n) ? WHOLE.format(Math.round(n)) : DASH;
  }

  // A statistic of any magnitude, to 4 significant digits: 132.4, 0.0312, 1.2e-7, 12,350; whole
  // numbers (a count, a minimum) in full: 12,345. `kind` 'year' writes 2008 without a separator.
  /** @param {number} x @param {string} [kind] */
  function stat(x, kind = '') {
    if (!finite(x)) return DASH;
    if (kind === 'year') return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(5)));
    if (Number.isInteger(x) && Math.abs(x) < 1e15) return integer(x);
    const abs = Math.abs(x);
    if (abs !== 0 && (abs < 1e-3 || abs >= 1e9)) return x.toExponential(2);
    if (abs >= 1000) return WHOLE.format(Number(x.toPrecision(4)));
    return String(Number(x.toPrecision(4)));
  }

  // The kind of a numeric column's values, for stat(): 'year' for whole numbers that all lie in
  // 1900-2100 (a year is no quantity: no thousands separator), else ''.
  /** @param {{ dtype: string, min?: number, max?: number }} column */
  function columnKind(column) {
    return column.dtype === 'int64' && column.min >= 1900 && column.max <= 2100 ? 'year' : '';
  }

  // 36840 -> "36.8 kB".
  function bytes(n) {
    if (!finite(n)) return DASH;
    if (n < 1000) return `${n} B`;
    const units = ['kB', 'MB', 'GB'];
    let value = n;
    let unit = -1;
    do { value /= 1000; unit += 1; } while (value >= 1000 && unit < units.length - 1);
    return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
  }

  // 65000 -> "1:05"; 3725000 -> "1:02:05"; under a second -> "0:00".
  function clock(ms) {
    if (!finite(ms) || ms < 0) return DASH;
    const total = Math.round(ms / 1000);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = String(total % 60).padStart(2, '0');
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
  }

  // A short duration for sentences: "850 ms", "4.2 s", "3 min 5 s".
  function duration(ms) {
    if (!finite(ms)) return DASH;
    if (ms < 1000) return `${Math.round(ms)} ms`;
    if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
    const s = Math.round(ms / 1000);
    return `${Math.floor(s / 60)} min ${s % 60} s`;
  }

  // Samples per second: 41234 -> "41.2k".
  function rate(perSecond) {
    if (!finite(perSecond) || perSecond <= 0) return DASH;
    if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(1)}M`;
    if (perSecond >= 1e4) return `${(perSecond / 1e3).toFixed(1)}k`;
    return integer(perSecond);
  }

  const DELIMITERS = { ',': 'comma-separated', ';': 'semicolon-separated', '\t': 'tab-separated' };
  function delimiter(d) {
    return DELIMITERS[d] || `separated by ${JSON.stringify(d)}`;
  }

  function plural(n, word, many = `${word}s`) {
    return `${integer(n)} ${n === 1 ? word : many}`;
  }

  // "a whole number" -> "A whole number".
  function capitalize(text) {
    return text ? text[0].toUpperCase() + text.slice(1) : text;
  }

  ui.format = { capitalize, DASH, fixed, percent, integer, stat, columnKind, bytes, clock, duration, rate, delimiter, plural };
})(window.gradtapeUI = window.gradtapeUI || {});
