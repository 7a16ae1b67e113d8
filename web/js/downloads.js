// @ts-check
// What the page lets a person download: the history as CSV (a column per field of the engine's
// epoch field table, headed by its snake_case name, as the CLI's --json names it) and the run's
// settings as JSON (and, for the model card, any text or bytes), saved through a Blob and an object URL (no network involved).
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';

  /** @type {EpochFieldSpec[]} */
  const FIELDS = window.gradtapeTables.epochFields;

  function csvCell(value) {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  // One header line (the fields `task` reports), then one line per epoch log; LF, UTF-8.
  /** @param {EpochLog[]} logs @param {string} task */
  function historyCsv(logs, task) {
    const fields = FIELDS.filter((field) => field.tasks.includes(task));
    const lines = [fields.map((field) => field.name).join(',')];
    for (const log of logs) lines.push(fields.map((field) => csvCell(log[field.key])).join(','));
    return `${lines.join('\n')}\n`;
  }

  function runJson({ version, data, run }) {
    const last = run.logs[run.logs.length - 1] || null;
    return `${JSON.stringify({
      tool: 'gradtape',
      version,
      savedAt: new Date().toISOString(),
      dataset: data ? { name: data.name, bytes: data.bytes, rows: data.summary.rows, columns: data.summary.columns.length } : null,
      settings: run.settings,
      plan: run.plan,
      result: { status: run.status, epochsCompleted: run.logs.length, final: last, evaluation: run.evaluation },
    }, null, 2)}\n`;
  }

  // "heart.csv" -> "heart"; keeps file names safe on every system.
  function stem(name) {
    const base = String(name || 'data').replace(/\.[^.]*$/, '');
    return base.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'data';
  }

  /** @param {string} fileName @param {string | Uint8Array} contents @param {string} type */
  function saveText(fileName, contents, type) {
    const url = URL.createObjectURL(new Blob([/** @type {BlobPart} */ (/** @type {any} */ (contents))], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  ui.downloads = { historyCsv, runJson, stem, saveText, saveBytes: saveText };
})(window.gradtapeUI = window.gradtapeUI || {});
