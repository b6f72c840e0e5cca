// Results: median, min and max per figure and ratio over rounds, written as JSON and as a markdown table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { spread, type Spread } from './stats.ts';
import type { Missing, RoundResult } from './types.ts';

export interface Machine {
  cpus: number;
  model: string;
  memory: string;
  node: string;
  platform: string;
  date: string;
  /** 1-minute load average when the run started and when it ended: other work on the machine moves absolute figures. */
  load: string;
}

/** The 1-minute load average, as text. */
export const loadNow = (): string => (loadavg()[0] ?? 0).toFixed(2);

export interface Results {
  machine: Machine;
  figures: Record<string, Spread & { unit: string }>;
  ratios: Record<string, Spread>;
  rounds: Record<string, number>;
  quick: boolean;
  missing: Missing[];
  targets: TargetCheck[];
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

export function machineInfo(loadAtStart: string): Machine {
  const list = cpus();
  return {
    cpus: list.length,
    model: list[0]?.model.trim() ?? 'unknown',
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    load: `${loadAtStart} at start, ${loadNow()} at end (1-minute average, ${list.length} CPUs)`,
  };
}

/** Aggregates the rounds of every suite into medians, minima and maxima. */
export function aggregate(bySuite: Record<string, RoundResult[]>): Pick<Results, 'figures' | 'ratios' | 'rounds'> {
  const figures: Results['figures'] = {};
  const ratios: Results['ratios'] = {};
  const rounds: Record<string, number> = {};
  for (const [suite, results] of Object.entries(bySuite)) {
    rounds[suite] = results.length;
    const names = new Set(results.flatMap((r) => Object.keys(r.figures)));
    for (const name of names) {
      const values = results.map((r) => r.figures[name]?.value).filter((v): v is number => v !== undefined && Number.isFinite(v));
      const unit = results.find((r) => r.figures[name] !== undefined)?.figures[name]?.unit ?? '';
      if (values.length > 0) figures[name] = { ...spread(values), unit };
    }
    const ratioNames = new Set(results.flatMap((r) => Object.keys(r.ratios)));
    for (const name of ratioNames) {
      const values = results.map((r) => r.ratios[name]).filter((v): v is number => v !== undefined && Number.isFinite(v));
      if (values.length > 0) ratios[name] = spread(values);
    }
  }
  return { figures, ratios, rounds };
}

function fmt(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(abs >= 1 ? 2 : 3);
}

export function markdown(results: Results): string {
  const m = results.machine;
  const lines = [
    `# Dossier benchmark${results.quick ? ' (quick)' : ''}`,
    '',
    `${m.date} · ${m.cpus} × ${m.model} · ${m.memory} · Node ${m.node} · ${m.platform}. Rounds per suite: ${Object.entries(results.rounds)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}. Load: ${m.load}. Median (min–max) over rounds; every ratio is computed within a round, from figures measured in that round.`,
    '',
    '| ratio | median | min | max |',
    '| --- | ---: | ---: | ---: |',
    ...Object.entries(results.ratios).map(([name, s]) => `| ${name} | ${fmt(s.median)} | ${fmt(s.min)} | ${fmt(s.max)} |`),
    '',
    '| figure | median | min | max | unit |',
    '| --- | ---: | ---: | ---: | --- |',
    ...Object.entries(results.figures).map(([name, s]) => `| ${name} | ${fmt(s.median)} | ${fmt(s.min)} | ${fmt(s.max)} | ${s.unit} |`),
  ];
  if (results.targets.length > 0) {
    lines.push('', '| target | measured (median) | met |', '| --- | --- | --- |');
    for (const t of results.targets) lines.push(`| ${t.target} | ${t.measured} | ${t.met === null ? 'not measured' : t.met ? 'yes' : 'no'} |`);
  }
  if (results.missing.length > 0) {
    lines.push('', 'Not measured in this run:', '');
    for (const miss of results.missing) lines.push(`- ${miss.suite}: ${miss.reason}`);
  }
  return lines.join('\n') + '\n';
}

export function writeResults(jsonFile: string, mdFile: string, results: Results): void {
  mkdirSync(dirname(jsonFile), { recursive: true });
  writeFileSync(jsonFile, JSON.stringify(results, null, 2) + '\n');
  writeFileSync(mdFile, markdown(results));
}
