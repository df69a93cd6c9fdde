// `npm run bench -- <name> [args]`: runs one benchmark and prints its figures.
// Imports: the benchmark modules.
const [benchName, ...args] = process.argv.slice(2);

const benches: Record<string, () => Promise<(args: string[]) => Promise<void>>> = {
  import: async () => (await import('./import.ts')).runImportBench,
  cluster: async () => (await import('./cluster.ts')).runClusterBench,
  curate: async () => (await import('./curate.ts')).runCurateBench,
  datasets: async () => (await import('./datasets.ts')).runDatasetsBench,
  facets: async () => (await import('./facets.ts')).runFacetsBench,
  table: async () => (await import('./table.ts')).runTableBench,
  judge: async () => (await import('./judge-throughput.ts')).runJudgeThroughput,
  eval: async () => (await import('./eval.ts')).runEvalBench,
};

const load = benchName ? benches[benchName] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`);
  process.exitCode = 2;
} else {
  await (await load())(args);
}

export {};
