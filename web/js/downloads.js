// What the page lets a person download: the history as CSV and the run's settings as JSON,
// saved through a Blob and an object URL (no network involved).
(function (ui) {
  'use strict';

  const COLUMNS = [
    ['epoch', 'epoch'], ['train_loss', 'trainLoss'], ['val_loss', 'valLoss'],
    ['train_accuracy', 'trainAccuracy'], ['val_accuracy', 'valAccuracy'],
    ['val_precision', 'valPrecision'], ['val_recall', 'valRecall'], ['val_auc', 'valAuc'], ['ms', 'ms'],
  ];

  function csvCell(value) {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  // One header line, then one line per epoch log; CRLF-free, UTF-8.
  function historyCsv(logs) {
    const lines = [COLUMNS.map(([name]) => name).join(',')];
    for (const log of logs) lines.push(COLUMNS.map(([, key]) => csvCell(log[key])).join(','));
    return `${lines.join('\n')}\n`;
  }

  function runJson({ version, data, settings, plan, run }) {
    const last = run.logs[run.logs.length - 1] || null;
    return `${JSON.stringify({
      tool: 'gradtape',
      version,
      savedAt: new Date().toISOString(),
      dataset: data ? { name: data.name, bytes: data.bytes, rows: data.summary.rows, columns: data.summary.columns.length } : null,
      settings,
      plan,
      result: { status: run.status, epochsCompleted: run.logs.length, final: last, confusionMatrix: run.confusion },
    }, null, 2)}\n`;
  }

  // "heart.csv" -> "heart"; keeps file names safe on every system.
  function stem(name) {
    const base = String(name || 'data').replace(/\.[^.]*$/, '');
    return base.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'data';
  }

  function saveText(fileName, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  ui.downloads = { historyCsv, runJson, stem, saveText };
})(window.gradtapeUI = window.gradtapeUI || {});
