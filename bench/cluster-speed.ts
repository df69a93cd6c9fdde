// Speed half of the cluster benchmark: embed + cluster + name (+ map) on n generated rows, per phase,
// with peak RSS. Each size runs in its own process so its RSS is its own. Imports: engine, bench/lib.

import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { clusterVectors, layout2d, nameClustersOffline } from '../src/main/core/clusters/engine/cluster-api.ts';
import { fitBuiltinEmbedder } from '../src/main/core/embed/builtin-embedder.ts';
import { adjustedRandIndex } from './lib/metrics.ts';
import { scaleCorpus } from './lib/synthetic.ts';

export interface SpeedResult {
  rows: number;
  source: string;
  cores: number;
  seconds: { fit: number; embed: number; cluster: number; name: number; layout: number };
  /** fit + embed + cluster + name: the speed bar. */
  total: number;
  /** The same plus the map. */
  totalWithLayout: number;
  peakRssMb: number;
  /** CPU seconds (user + system, all threads) of the measured phases: independent of other load on the machine. */
  cpuSeconds: number;
  clusters: number;
  groups: number;
  outlierShare: number;
  /** ARI against the generating labels (banking77/hwu64 intents behind the varied rows). */
  ari: number;
}

export async function runSpeed(n: number): Promise<SpeedResult> {
  const { texts, labels, source } = scaleCorpus(n);
  const time = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
    const t = performance.now();
    const r = await f();
    return [r, (performance.now() - t) / 1000];
  };
  const cpu0 = process.cpuUsage();
  const [e, fit] = await time(() => fitBuiltinEmbedder(texts));
  const [v, embed] = await time(() => e.embed(texts));
  const d = e.dimensions;
  const [c, cluster] = await time(() => clusterVectors(v, n, d));
  const [, name] = await time(async () => {
    const fine = await nameClustersOffline(texts, c.labels, { scores: c.scores });
    const parent = new Map(c.clusters.map((x) => [x.id, x.parent]));
    const groups = await nameClustersOffline(texts, Int32Array.from(c.labels, (l) => (l < 0 ? -1 : parent.get(l)!)), { scores: c.scores });
    return [fine, groups];
  });
  const [, layout] = await time(() => layout2d(v, n, d));
  const cpu = process.cpuUsage(cpu0);
  const total = fit + embed + cluster + name;
  return {
    rows: n,
    source,
    cores: availableParallelism(),
    seconds: { fit, embed, cluster, name, layout },
    total,
    totalWithLayout: total + layout,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    clusters: c.clusters.length,
    groups: c.topLevel.length,
    outlierShare: c.outlierShare,
    ari: adjustedRandIndex(labels, c.labels),
  };
}

/** Runs one size in a fresh Node process (this file's CLI entry), so peak RSS belongs to that size alone. */
export function runSpeedIsolated(n: number): Promise<SpeedResult> {
  const entry = fileURLToPath(new URL('./cluster.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, '--speed-child', String(n)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`speed run for ${n} rows failed (exit ${code})`));
      else resolve(JSON.parse(line) as SpeedResult);
    });
  });
}
