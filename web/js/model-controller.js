// @ts-check
// The "Use the model" card: takes the run's model when a run ends (or a model file a person
// loads), predicts the form's row as its inputs change, scores a dropped or chosen CSV into a
// download with the prediction columns, and saves the model as a gradtape model file or a
// TensorFlow.js Layers model. The training file's sha256 (the engine's, from loading it) goes into
// the model file.
(/** @param {GradtapeUI} ui */ function (ui) {
  'use strict';
  const { byId } = ui.dom;
  const fmt = ui.format;
  const messageOf = (error) => (error && error.message) || String(error);

  /**
   * @param {{ state: AppState, session: () => any, alert: any }} deps
   */
  function createModelController({ state, session, alert }) {
    const buttons = { save: byId('save-model'), tfjs: byId('export-tfjs') };
    const scoreInput = /** @type {HTMLInputElement} */ (byId('score-file'));
    const modelInput = /** @type {HTMLInputElement} */ (byId('model-file'));
    const view = ui.createPredictView({ onInput: predictForm });

    function render() {
      const has = Boolean(state.model);
      buttons.save.disabled = !has;
      buttons.tfjs.disabled = !has;
      scoreInput.disabled = !has;
    }

    /** @param {ModelInfo} info @param {'run' | 'file'} source @param {string} name */
    function take(info, source, name) {
      state.model = { info, source, name };
      const weights = info.weightsFrom === 'best' ? `, with the weights of its best epoch (${info.bestFigures.epoch})` : '';
      view.show(info, `${source === 'run' ? `from the run on ${name}` : `loaded from ${name}`}${weights}`);
      render();
      predictForm();
    }

    // The run's model, once it has ended (done or stopped), with its training file's origin.
    async function fromRun() {
      const data = state.data;
      if (!data || !state.run || !state.run.logs.length) return;
      const sha256 = data.sha256 || '';
      try {
        take(session().modelFromRun({ file: data.name, bytes: data.bytes, sha256 }), 'run', data.name);
      } catch (error) {
        alert.show('The model could not be kept.', messageOf(error));
      }
    }

    /** @param {string} name @param {string} text */
    function loadModelText(name, text) {
      if (!session()) {
        alert.show(`Could not load the model ${name}.`, 'The engine has not started yet.');
        return;
      }
      try {
        take(session().loadModel(text), 'file', name);
        alert.clear();
      } catch (error) {
        const kept = state.model ? ` The model in use (${state.model.name}) is kept.` : '';
        alert.show(`Could not load the model ${name}.`, `${messageOf(error)}${kept}`);
      }
    }

    function predictForm() {
      if (!state.model) return;
      try {
        const result = session().predictCsv(view.csv());
        view.showPrediction(result.rows[0]);
      } catch (error) {
        view.showPrediction({ problem: messageOf(error) });
      }
    }

    /** @param {File} file */
    async function score(file) {
      if (!state.model) return;
      let text;
      try {
        text = await file.text();
      } catch (error) {
        alert.show(`Could not read ${file.name}.`, messageOf(error));
        return;
      }
      let result;
      try {
        result = session().predictCsv(text);
      } catch (error) {
        view.showScoreSummary('');
        alert.show(`Could not score ${file.name}.`, messageOf(error));
        return;
      }
      const total = result.scored + result.failed;
      const first = result.rows.find((row) => row.problem);
      view.showScoreSummary(`Scored ${fmt.plural(result.scored, 'row')} of ${fmt.integer(total)}` +
        (result.failed ? `; ${fmt.integer(result.failed)} could not be scored (see the prediction_problem column; the first: ${first ? first.problem : ''}).` : '.') +
        ' The file with the prediction columns is downloading.');
      ui.downloads.saveText(`${ui.downloads.stem(file.name)}-predictions.csv`, result.csv, 'text/csv');
    }

    function save() {
      if (!state.model) return;
      ui.downloads.saveText(`gradtape-model-${ui.downloads.stem(state.model.name)}.json`, session().modelFile(), 'application/json');
    }

    function exportTfjs() {
      if (!state.model) return;
      const exported = session().tfjsExport();
      ui.downloads.saveText('model.json', exported.modelJson, 'application/json');
      ui.downloads.saveBytes(exported.weightsFile, exported.weights, 'application/octet-stream');
    }

    byId('predict-form').addEventListener('submit', (event) => event.preventDefault());
    buttons.save.addEventListener('click', save);
    buttons.tfjs.addEventListener('click', exportTfjs);
    scoreInput.addEventListener('change', () => {
      const file = scoreInput.files && scoreInput.files[0];
      if (file) score(file).finally(() => { scoreInput.value = ''; });
    });
    modelInput.addEventListener('change', () => {
      const file = modelInput.files && modelInput.files[0];
      if (file) file.text().then((text) => loadModelText(file.name, text)).finally(() => { modelInput.value = ''; });
    });
    render();
    return { fromRun, loadModelText, render };
  }

  ui.createModelController = createModelController;
})(window.gradtapeUI = window.gradtapeUI || {});
