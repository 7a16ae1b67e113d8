// The types of the engine's values (wasm/API.md) and of the page's state (js/state.js), for
// tsc's check of the page's JavaScript (jsconfig.json). Declarations only: nothing is emitted.

interface SettingSpec {
  key: string;   // camelCase, the key configure() takes
  name: string;  // snake_case, the core's
  flag: string;
  label: string;
  type: 'integer' | 'number' | 'choice' | 'flag' | 'text' | 'names' | 'layers' | 'weights';
  default: any;
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  choices?: { value: string; label: string }[];
  help: string;
  rule: string;
  place: 'main' | 'advanced' | 'data';
}

interface EpochFieldSpec {
  key: string;   // camelCase, the key of an epoch log
  name: string;  // snake_case: the CSV header, the CLI's --json key
  label: string;
  line: string;
  kind: 'epoch' | 'loss' | 'fraction' | 'units' | 'score' | 'milliseconds';
  summary: boolean;
  tasks: string[];
}

type Settings = Record<string, any>;
type EpochLog = Record<string, number> & { epoch: number };

interface Plan {
  target: string;
  task: 'binary' | 'multiclass' | 'regression';
  metric: { train: string; val: string; label: string; kind: 'fraction' | 'units' };
  targetMean?: number;
  targetStd?: number;
  trainRows: number;
  valRows: number;
  features: string[];
  classes: string[];
  batchesPerEpoch: number;
  parameters: number;
  notes: string[];
  droppedRows: number;       // rows the pipeline left out (no target, missing values, unseen text)
  droppedColumns: string[];  // columns (or features) it left out
  classWeights: string;      // each class's weight in the train loss, "0: 1.102, 1: 0.9152"; '' for none
}

interface Evaluation {
  epoch: number;
  task: 'binary' | 'multiclass' | 'regression';
  classes?: string[];
  matrix?: number[][];
  scores?: { label: string; precision: number; recall: number; f1: number; support: number }[];
  macroF1?: number;
  mae?: number;
  rmse?: number;
  r2?: number;
  points?: { actual: number[]; predicted: number[] };
}

interface Progress {
  epoch: number;
  epochs: number;
  batch: number;
  batchesPerEpoch: number;
  phase: 'train' | 'validate' | 'done';
  done: boolean;
  samplesSeen: number;
  bestEpoch: number;       // by the monitored figure; 0 before the first epoch
  stopReason: string;      // early stopping's reason, '' otherwise
  usingBestEpoch: boolean; // the model holds the best epoch's weights
  epochEnded: boolean;
  log?: EpochLog | null;
  evaluation?: Evaluation | null;
}

interface ColumnSummary {
  name: string;
  dtype: 'int64' | 'float64' | 'object';
  missing: number;
  distinct: number;
  idLike: boolean;
  count: number;
  [statistic: string]: any;
}

interface TableSummary {
  rows: number;
  delimiter: string;
  sha256: string;  // the file's digest, lowercase hex
  columns: ColumnSummary[];
  head: string[][];
  targetCandidates: {
    name: string;
    task: string;
    usable: boolean;
    reason: string | null;
    refused: Record<string, string | null>;
    labels: string[];
    counts: number[];
  }[];
  suggestedTarget: string | null;
  encoding: string;               // 'UTF-8' or 'Windows-1252'
  notes: string[];                // how the file was read
  warnings: TableWarning[];       // what may surprise, before a run
  decimalCommaColumns: string[];
  missingPatterns: { columns: number[]; rows: number }[];
  missingPatternsComplete: boolean;
}

interface TableWarning {
  kind: 'numeric_text' | 'header_data' | 'identifier';
  column: string | null;
  value: string;
  line: number;
  message: string;
}

interface CsvSettingSpec {
  key: string;   // camelCase, the loadCsv option
  name: string;
  flag: string;
  label: string;
  default: string;
  choices: { value: string; label: string }[];
  help: string;
}

interface LoadedData {
  name: string;
  bytes: number;
  summary: TableSummary;
  sha256?: string;  // the file's digest (the engine's summary.sha256), for a saved model's origin
}

interface ModelFeature {
  name: string;
  kind: 'numeric' | 'codes' | 'onehot';
  categories?: string[];
  fill?: number | string;
  typical?: number | string;  // the training mean, or the fill, or a category
}

interface ModelInfo {
  task: 'binary' | 'multiclass' | 'regression';
  target: string;
  classes?: string[];
  targetMean?: number;
  targetStd?: number;
  missing: 'drop' | 'impute';
  features: ModelFeature[];
  settings: Settings;
  finalFigures: Record<string, number>;  // the last epoch's log
  bestFigures: Record<string, number>;   // the best epoch's log (its epoch in `epoch`)
  weightsFrom: 'final' | 'best';         // which epoch's weights the model holds
  origin: { file: string; bytes: number; sha256: string };
}

interface ScoredRow {
  problem: string;
  label?: string;
  probabilities?: number[];
  value?: number;
}

type RunStatus = 'running' | 'paused' | 'done' | 'stopped' | 'failed';

interface DrawPiece {
  piece: string;
  logs: EpochLog[];
}

interface Run {
  number: number;
  status: RunStatus;
  settings: Settings;
  plan: Plan;
  dataName: string;
  logs: EpochLog[];
  undrawn: EpochLog[];
  drawQueue: DrawPiece[];
  progress: Progress | null;
  evaluation: Evaluation | null;
  activeMs: number;
  resumedAt: number | null;
  finishedAt: number | null;
  error: string | null;
}

interface AppState {
  engine: { status: 'loading' | 'ready' | 'failed'; version: string; error: string | null };
  data: LoadedData | null;
  loading: string | null;
  starting: boolean;
  run: Run | null;
  runsStarted: number;
  pastRuns: { run: Run; shown: boolean }[];
  model: { info: ModelInfo; source: 'run' | 'file'; name: string } | null;
  frame: { lastDrawAt: number; lastStatsAt: number; lastAnnouncedAt: number };
}

interface Window {
  gradtapeUI: any;
  gradtapeTables: {
    version: string;
    settings: SettingSpec[];
    csvSettings: CsvSettingSpec[];
    epochFields: EpochFieldSpec[];
    limits: { maxFileBytes: number; maxColumns: number; maxRows: number; maxCellBytes: number };
  };
  gradtapeSample?: { name: string; text: string };
  createGradtape?: (options?: object) => Promise<any>;
  uPlot?: any;
}

// The page's modules, each a classic script that adds itself to window.gradtapeUI.
type GradtapeUI = { [module: string]: any };
