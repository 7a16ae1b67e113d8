#!/usr/bin/env node
// Writes data/heart_synthetic.csv: 918 SYNTHETIC patients with the exact schema of Kaggle's
// heart.csv, drawn with a fixed seed from per-class summary figures of the published data set
// (class sizes, means, standard deviations, ranges and category counts). No real patient's row
// is in it. Run: node data/make_synthetic.mjs [output.csv]
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const SEED = 20211;
const ROWS = 918;

// Per-class figures of heart.csv (fedesoriano, Kaggle, 2021): HeartDisease 0 (410 rows), 1 (508).
const FIGURES = {
  0: {
    rows: 410,
    Age: { mean: 50.55, std: 9.44, min: 28, max: 76 },
    RestingBP: { mean: 130.18, std: 16.5, min: 80, max: 190 },
    Cholesterol: { mean: 238.77, std: 55.39, min: 85, max: 564, zeros: 20 },
    MaxHR: { mean: 148.15, std: 23.29, min: 69, max: 202 },
    Oldpeak: { mean: 0.41, std: 0.7, min: -1.1, max: 4.2 },
    Sex: { M: 267, F: 143 },
    ChestPainType: { ATA: 149, NAP: 131, TA: 26, ASY: 104 },
    FastingBS: { 0: 366, 1: 44 },
    RestingECG: { Normal: 267, ST: 61, LVH: 82 },
    ExerciseAngina: { N: 355, Y: 55 },
    ST_Slope: { Up: 317, Flat: 79, Down: 14 },
  },
  1: {
    rows: 508,
    Age: { mean: 55.9, std: 8.73, min: 31, max: 77 },
    RestingBP: { mean: 134.45, std: 18.93, min: 92, max: 200 },
    Cholesterol: { mean: 251.06, std: 62.46, min: 100, max: 603, zeros: 152 },
    MaxHR: { mean: 127.66, std: 23.39, min: 60, max: 195 },
    Oldpeak: { mean: 1.27, std: 1.15, min: -2.6, max: 6.2 },
    Sex: { F: 50, M: 458 },
    ChestPainType: { NAP: 72, ASY: 392, ATA: 24, TA: 20 },
    FastingBS: { 0: 338, 1: 170 },
    RestingECG: { Normal: 285, ST: 117, LVH: 106 },
    ExerciseAngina: { N: 192, Y: 316 },
    ST_Slope: { Flat: 381, Down: 49, Up: 78 },
  },
};

const COLUMNS = ['Age', 'Sex', 'ChestPainType', 'RestingBP', 'Cholesterol', 'FastingBS',
  'RestingECG', 'MaxHR', 'ExerciseAngina', 'Oldpeak', 'ST_Slope', 'HeartDisease'];

// mulberry32, the same generator as core/random.h.
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6D2B79F5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeSampler(unit) {
  // Box-Muller: one standard normal from two uniforms.
  const normal = () => Math.sqrt(-2 * Math.log(1 - unit())) * Math.cos(2 * Math.PI * unit());
  const clampedNormal = ({ mean, std, min, max }) =>
    Math.min(max, Math.max(min, mean + std * normal()));
  const category = (counts) => {
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    let pick = unit() * total;
    for (const [value, count] of Object.entries(counts)) {
      if ((pick -= count) < 0) return value;
    }
    return Object.keys(counts).at(-1);
  };
  return { unit, clampedNormal, category };
}

function syntheticRow(sample, label) {
  const f = FIGURES[label];
  const cholesterol = sample.unit() < f.Cholesterol.zeros / f.rows
    ? 0 : Math.round(sample.clampedNormal(f.Cholesterol));
  return {
    Age: Math.round(sample.clampedNormal(f.Age)),
    Sex: sample.category(f.Sex),
    ChestPainType: sample.category(f.ChestPainType),
    RestingBP: Math.round(sample.clampedNormal(f.RestingBP)),
    Cholesterol: cholesterol,
    FastingBS: sample.category(f.FastingBS),
    RestingECG: sample.category(f.RestingECG),
    MaxHR: Math.round(sample.clampedNormal(f.MaxHR)),
    ExerciseAngina: sample.category(f.ExerciseAngina),
    Oldpeak: Math.round(sample.clampedNormal(f.Oldpeak) * 10) / 10,
    ST_Slope: sample.category(f.ST_Slope),
    HeartDisease: label,
  };
}

export function makeSyntheticCsv() {
  const sample = makeSampler(mulberry32(SEED));
  const lines = [COLUMNS.join(',')];
  for (let i = 0; i < ROWS; ++i) {
    const label = sample.unit() < FIGURES[1].rows / ROWS ? 1 : 0;
    const row = syntheticRow(sample, label);
    lines.push(COLUMNS.map((c) => String(row[c])).join(','));
  }
  return lines.join('\n') + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), 'heart_synthetic.csv');
  writeFileSync(out, makeSyntheticCsv());
  console.log(`wrote ${out}`);
}
