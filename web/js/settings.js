// The run settings: their defaults (the tutorial's), and the check of what the form holds.
// Keys are the engine's (wasm/API.md), so an engine error's `.field` names the same setting.
// Pure functions, no DOM.
(function (ui) {
  'use strict';

  const DEFAULTS = Object.freeze({
    epochs: 60, batchSize: 32, learningRate: 0.001, optimizer: 'rmsprop', hidden: '64,64',
    activation: 'relu', validationSplit: 0.2, seed: 42, encoding: 'codes', missing: 'drop',
    stratify: false,
  });

  const LIMITS = Object.freeze({ maxEpochs: 10000, maxUnits: 4096, maxLayers: 16, maxSeed: 4294967295 });

  const CHOICES = Object.freeze({
    optimizer: ['rmsprop', 'adam', 'sgd'],
    activation: ['relu', 'tanh', 'sigmoid'],
    encoding: ['codes', 'onehot'],
    missing: ['drop', 'impute'],
  });

  const INTEGER = /^\s*\d+\s*$/;

  function wholeNumber(text, min, max) {
    if (!INTEGER.test(text)) return null;
    const n = Number(text);
    return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
  }

  // "64, 64" -> [64, 64]; "" -> []; null when malformed.
  function parseHidden(text) {
    const trimmed = text.trim();
    if (trimmed === '') return [];
    const parts = trimmed.split(/[\s,;]+/).filter((part) => part !== '');
    const units = parts.map((part) => wholeNumber(part, 1, LIMITS.maxUnits));
    return units.includes(null) || units.length > LIMITS.maxLayers ? null : units;
  }

  // raw: { key: string | boolean }, with `badInput` listing number fields whose text the
  // browser could not read as a number. context: { rows } of the loaded data, when known.
  // Returns { settings, errors } where errors maps a key to a message for its field.
  function check(raw, context = {}) {
    const errors = {};
    const settings = {};
    const bad = new Set(raw.badInput || []);
    const text = (key) => (bad.has(key) ? '?' : String(raw[key] ?? '').trim());

    if (!raw.target) errors.target = 'Choose the column to predict.';
    else settings.target = raw.target;

    const epochs = wholeNumber(text('epochs'), 1, LIMITS.maxEpochs);
    if (epochs === null) errors.epochs = `Use a whole number from 1 to ${ui.format.integer(LIMITS.maxEpochs)}.`;
    else settings.epochs = epochs;

    const batchSize = wholeNumber(text('batchSize'), 1, Number.MAX_SAFE_INTEGER);
    if (batchSize === null) errors.batchSize = 'Use a whole number of rows, at least 1.';
    else if (context.rows && batchSize > context.rows) {
      errors.batchSize = `The file has only ${ui.format.integer(context.rows)} rows: use a smaller batch.`;
    } else settings.batchSize = batchSize;

    const lrText = text('learningRate');
    const learningRate = Number(lrText);
    if (lrText === '' || !Number.isFinite(learningRate) || learningRate <= 0) {
      errors.learningRate = 'Use a number above 0, e.g. 0.001.';
    } else if (learningRate > 10) {
      errors.learningRate = 'Too large to train: use 10 or less, e.g. 0.001.';
    } else settings.learningRate = learningRate;

    const hidden = parseHidden(String(raw.hidden ?? ''));
    if (hidden === null) {
      errors.hidden = `Use up to ${LIMITS.maxLayers} whole numbers (1 to ${LIMITS.maxUnits}) separated by commas, e.g. 64,64.`;
    } else settings.hidden = hidden;

    const splitText = text('validationSplit');
    const split = Number(splitText);
    if (splitText === '' || !Number.isFinite(split) || split <= 0 || split >= 1) {
      errors.validationSplit = 'Use a share between 0 and 1, e.g. 0.2.';
    } else settings.validationSplit = split;

    const seed = wholeNumber(text('seed'), 0, LIMITS.maxSeed);
    if (seed === null) errors.seed = 'Use a whole number from 0 to 4,294,967,295.';
    else settings.seed = seed;

    for (const [key, allowed] of Object.entries(CHOICES)) {
      if (allowed.includes(raw[key])) settings[key] = raw[key];
      else errors[key] = `Choose one of: ${allowed.join(', ')}.`;
    }
    settings.stratify = Boolean(raw.stratify);

    const exclude = Array.isArray(raw.exclude) ? raw.exclude : [];
    if (raw.featureCount !== undefined && exclude.length >= raw.featureCount) {
      errors.exclude = 'Keep at least one column to learn from.';
    } else settings.exclude = exclude;
    return { settings, errors };
  }

  ui.settings = { DEFAULTS, LIMITS, CHOICES, check, parseHidden };
})(window.gradtapeUI = window.gradtapeUI || {});
