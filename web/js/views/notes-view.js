// @ts-check
// What a person should know before and after a run, in words: how the file was read and what in
// it may surprise (the Data card), the rows "drop rows" would lose with the one-click
// alternative (the Settings card), and what the run left out (beside its results). Draws what it
// is given; every value from the file is set as text.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const { byId, el, setText } = ui.dom;
  const fmt = ui.format;

  /** @param {{ onImpute: () => void }} options */
  function createNotesView({ onImpute }) {
    const dataNotes = byId('data-notes');
    const runWarnings = byId('run-warnings');
    const resultsData = byId('results-data');

    /** @param {string} kind @param {string} text */
    const item = (kind, text) => el('li', { className: kind }, [
      el('span', { className: 'note-mark', 'aria-hidden': 'true', text: kind === 'warning' ? '!' : 'i' }),
      el('span', { className: 'visually-hidden', text: kind === 'warning' ? 'Warning: ' : 'Note: ' }),
      fmt.capitalize(text),
    ]);

    // summary: the loaded table's, or null. Identifier columns are left out of the features by
    // the form; their warning says so and how to put them back.
    /** @param {TableSummary | null} summary */
    function showData(summary) {
      const notes = summary ? summary.notes || [] : [];
      const warnings = summary ? summary.warnings || [] : [];
      const items = [
        ...notes.map((text) => item('note', `${text}.`)),
        ...warnings.map((w) => item('warning', w.kind === 'identifier'
          ? `${w.message}, as it is at first (tick it under Feature columns to use it).`
          : `${w.message}.`)),
      ];
      dataNotes.replaceChildren(...(items.length ? [el('ul', { className: 'note-list' }, items)] : []));
      dataNotes.hidden = !items.length;
    }

    // lost: state.rowsLost() for the form's target, features and policy; missing: the policy.
    /** @param {{ rows: number, withoutTarget: number, withMissing: number, dropped: number, share: number } | null} lost @param {string} missing @param {boolean} locked */
    function showRunWarnings(lost, missing, locked) {
      const parts = [];
      if (lost && missing === 'drop' && lost.withMissing / Math.max(1, lost.rows) > 0.1) {
        const share = fmt.percent(lost.withMissing / lost.rows, 0);
        const button = el('button', { type: 'button', className: 'button secondary small', id: 'impute-button', text: 'Fill missing values instead', disabled: locked });
        button.addEventListener('click', onImpute);
        parts.push(el('p', { className: 'warning-text', id: 'missing-warning' }, [
          el('strong', { text: 'Many rows would be dropped. ' }),
          `"Drop rows" leaves out ${fmt.integer(lost.withMissing)} of ${fmt.plural(lost.rows, 'row')} (${share}) because a feature is missing in them. Filling the gaps with the training rows' mean or most frequent value keeps them.`,
        ]), button);
      }
      if (lost && lost.withoutTarget > 0) {
        parts.push(el('p', { className: 'hint', text: `${fmt.plural(lost.withoutTarget, 'row')} without a target value will be left out.` }));
      }
      runWarnings.replaceChildren(...parts);
      runWarnings.hidden = !parts.length;
    }

    // The run's data beside its result: the rows and columns it used and what it left out.
    /** @param {Plan | null} plan */
    function showRunData(plan) {
      if (!plan) {
        setText(resultsData, '');
        resultsData.hidden = true;
        return;
      }
      const used = plan.trainRows + plan.valRows;
      const total = used + (plan.droppedRows || 0);
      const parts = [`Trained on ${fmt.integer(used)} of ${fmt.plural(total, 'row')}`];
      if (plan.droppedRows) parts.push(`${fmt.plural(plan.droppedRows, 'row')} left out (${fmt.percent(plan.droppedRows / total, 0)})`);
      const columns = plan.droppedColumns || [];
      if (columns.length) parts.push(`${columns.length === 1 ? 'column' : 'columns'} left out: ${columns.join(', ')}`);
      if (plan.classWeights) parts.push(`class weights ${plan.classWeights}`);
      setText(resultsData, `${parts.join(' · ')}.`);
      resultsData.classList.toggle('lossy', Boolean(plan.droppedRows || columns.length));
      resultsData.hidden = false;
    }

    return { showData, showRunWarnings, showRunData };
  }

  ui.createNotesView = createNotesView;
})(window.gradtapeUI = window.gradtapeUI || {});
