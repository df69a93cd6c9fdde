// The headless `winnow` command: parses arguments and runs one command over the same core as the window.
// Imports: node:util, core, CLI commands. Run with Node ≥ 22 directly from the .ts sources.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { joinNegativeValues } from './argv.ts';
import { createCore } from '../core/create-core.ts';
import { defaultDataDir } from '../core/platform/data-dir.ts';
import { CommandError } from '../core/platform/rpc/router.ts';
import { facetsCommand, jobsCommand, noticesCommand, rejectedCommand, resumeCommand, tracesCommand } from './commands/browse.ts';
import { clusterCommand, clustersCommand } from './commands/cluster.ts';
import { curateCommand, piiCommand, reviewCommand } from './commands/curate.ts';
import { datasetCommand, exportCommand } from './commands/dataset.ts';
import { importCommand } from './commands/import.ts';
import { evalCommand } from './commands/eval.ts';
import { estimateCommand, judgeCommand } from './commands/judge.ts';
import { UsageError } from './output.ts';

const HELP = `winnow — turn LLM traces into curated datasets, headlessly.

Usage: npm run winnow -- [--data DIR] <command> [options]

Global options:
  --data DIR          data folder (default: WINNOW_DATA, else the app's own folder: ${defaultDataDir()})
  --json              print one JSON document instead of readable lines
  -h, --help          show this help

Commands:
  import FILE...      import .jsonl/.json/.csv/.parquet files (formats detected per record)
      --format F        auto (default) | openai-chat | langfuse | prompt-response | provider-body
      --multi-turn M    split (default: one row per assistant turn) | keep (one row per conversation)
      prints {"files":[{"path","format","traces","rows","skipped","errors":[{"line","code","message"}],
              "notices","noticeCodes","warnings":[{"line","code","message"}]}],"traces","rows"}
  traces              list traces
      --where F=V       filter, repeatable; F is environment, task, provider, model, status, format,
                        finishReason, from, to (ISO date or epoch ms), text (in the previews), file
                        (file id), metadata.KEY (any metadata key, nested keys dotted), cluster (a
                        cluster or group id), outlier (true|false, in the latest run or run=ID);
                        the same field twice matches either value; at most 1,000 values per field
                        and 64 fields
      --search TEXT     full-text search of every message (tool calls and results too): each word must
                        occur ("bag" finds "baggage"), "quoted words" as a phrase
      --search-in S     all (default) | conversation (leaves system prompts out)
      --limit N         at most N traces (default 100)
      prints {"total":N,"items":[...]}
  facets              count each value of each facet (environment, task, provider, model, status, ...)
                      and of each metadata key, as metadata.KEY
      --where F=V, --search TEXT, --search-in S   as for traces
  rejected            lines that imports rejected, with file, line, code and message
      --limit N         at most N (default 100)
  notices             lines that imported with a notice (empty answer, implausible value, ...), with file,
                      line, code and message
      --limit N         at most N (default 100)
  jobs                recent jobs with status and progress
  resume ID           resume an interrupted, failed or cancelled job and wait for it
  cluster             cluster every row by what it asks, offline by default, and name the clusters
      --embedder E      builtin (default: offline, no model download) | openai (OPENAI_BASE_URL,
                        OPENAI_API_KEY, WINNOW_EMBED_MODEL)
      --text T          what represents a row: task (default: opening request, current
                        user turn, tools called) | last-user | whole-prompt | no-system
      --granularity G   -1 (coarser) … 1 (finer); 0 is the default
      --min-cluster-size N   clusters smaller than N are folded into their neighbours
      --name-with-llm   also name clusters with the chat model (WINNOW_LLM_MODEL)
      prints {"run":ID,"clusters":[{"id","name","size","parent"}],"outliers":N}
  clusters            the latest clustering (or --run ID): clusters with names, sizes and scores
      --members         with every member as {"row","trace","file","line","score"}, and the outliers
  dataset create NAME --kind eval|training
                      create a dataset, filled from one source (or empty):
      --from-cluster ID   a cluster's rows (--pick members (default: all but outliers) | all | above,
                          --min-score S: members scoring at least S)
      --where F=V         the traces a filter matches (fields as for traces; repeatable)
      --exclude EVAL@vN   training only: leave out rows that leak into that frozen eval version (same
                          trace, same conversation, same normalised prompt, near-duplicate prompt)
      --near T            near-duplicate threshold, 0.3 … 1 (default 0.8)
      --description TEXT
      prints {"dataset","draftRows","excluded":{"exact","normalized","near","conversation"},"overlap",
      "warning"}; refused when every row would leak (exit 1, nothing created)
  dataset add NAME --trace ID | --from-cluster ID | --where F=V
                      add rows to the draft (a new draft from the latest version after a freeze)
  dataset list        datasets with kind, latest version and row counts
  dataset show NAME[@vN]   a dataset with its versions (hash, recipe, split, warnings), or one version
  dataset freeze NAME freeze the draft as the next version: prints {"dataset","version","rows","hash","warnings"}
  dataset diff NAME@v1 NAME@v2   rows added, removed and changed (with the fields that changed)
  dataset split NAME@vN --test F [--validation F] [--seed N]
                      deterministic split (conversations kept whole, clusters on every side), stored
                      with the version and used by exports
  export NAME@vN --format F --out DIR
                      write a version to a new or empty folder with manifest.json; F is openai, jsonl,
                      csv, parquet, hf or distil; NAME@draft exports the draft with a warning
      --pii P           warn (default: export and say so in manifest.json) | refuse (fail when any
                        unredacted PII remains)
  curate NAME         run the filters (and the judge) over the draft; dropped rows stay out of freeze
      --filters LIST    only these, comma-separated: failed, empty, cluster, refusal, truncated,
                        invalid_json, too_long, pii, duplicate (default: all but cluster and too_long)
      --judge MODEL     also score the kept rows with an LLM judge (--threshold X, default 0.5;
                        --budget USD stops it cleanly)
      prints {"rows","kept","dropped":{"<filter>":N},"judged","flagged","borderline","cost":{"usd","tokens"}}
  pii NAME            count PII spans in the draft: prints {"rows","rowsWithPii","spans","byType"}
      --redact          replace them with placeholders (<EMAIL_1>); the traces keep the originals
  review NAME --list STAGE   rows of a stage: borderline, flagged, kept, dropped, dropped:FILTER, reviewed,
                      unreviewed, pii or all
  review NAME --accept ROW | --reject ROW [--note TEXT]
                      decide one row (a review decision beats filters and the judge)

  estimate NAME[@vN] --judge MODEL
                      calls, tokens (gpt-tokenizer) and cost of judging a version (default: the draft)
                      before anything is spent; rows already judged with the model and rubric cost nothing
      --provider P      the provider serving MODEL (default: the first listing it, else the first one)
      prints {"dataset","version","model","provider","rows","alreadyJudged","calls","inputTokens",
      "outputTokens","usd","pricePer1M"}
  judge NAME[@vN] --model M [--threshold X] [--budget USD]
                      score each row (helpfulness, relevance, format, overall 0-1, rationale) with an LLM
                      judge; stops cleanly when the budget is reached (the spend is shown as it grows)
      prints {"dataset","version","model","rows","judged","failed","pending","flagged","borderline",
      "threshold","run":{...},"cost":{"usd","tokens",...},"costSoFar":{...}}
  eval NAME@vN --models M1,M2 --metric exact|normalized|json|contains|regex|schema|tool|judge
                      run each row of a frozen eval version through each model and score the answers
      --system-prompt FILE  send this system prompt instead of each row's own (recorded with the run)
      --budget USD      stop cleanly before spending more
      --pattern RE      the regex metric's pattern;  --schema FILE  the schema metric's JSON schema
      --judge MODEL     the judge metric's model (default: the dataset's judge model, else the default)
      --provider P      the provider serving the models;  --concurrency N  calls in flight (default 8)
      prints {"run","version","results":[{"model","score","ci":[lo,hi],"costPerRow",
      "latency":{"mean","p50","p95"},"failures"}],"baseline":{...}} (score: pass rate; ci: 95 % Wilson)
  eval list           evaluation runs, newest first
  eval show RUN       one run: per-model results, the baseline and per-evaluator counts

Models come from the providers saved in the app, or from the environment: OPENAI_BASE_URL, OPENAI_API_KEY,
WINNOW_LLM_MODEL (default chat model), WINNOW_EMBED_MODEL, WINNOW_LLM_CONCURRENCY, WINNOW_LLM_TIMEOUT_MS and
WINNOW_LLM_PRICES (JSON: {"model": {"input": USD per 1M, "output": USD per 1M}}).

Exit status: 0 on success (rejected lines are reported, not a failure), 1 when a command failed or a file
could not be read to the end, 2 on a usage error.`;

const OPTIONS = {
  data: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  format: { type: 'string', default: 'auto' },
  'multi-turn': { type: 'string', default: 'split' },
  where: { type: 'string', multiple: true, default: [] },
  search: { type: 'string' },
  'search-in': { type: 'string' },
  limit: { type: 'string', default: '100' },
  embedder: { type: 'string', default: 'builtin' },
  text: { type: 'string', default: 'task' },
  granularity: { type: 'string' },
  'min-cluster-size': { type: 'string' },
  'name-with-llm': { type: 'boolean', default: false },
  run: { type: 'string' },
  members: { type: 'boolean', default: false },
  kind: { type: 'string' },
  'from-cluster': { type: 'string' },
  pick: { type: 'string' },
  'min-score': { type: 'string' },
  exclude: { type: 'string' },
  description: { type: 'string' },
  near: { type: 'string' },
  trace: { type: 'string' },
  test: { type: 'string' },
  validation: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  pii: { type: 'string', default: 'warn' },
  filters: { type: 'string' },
  model: { type: 'string' },
  judge: { type: 'string' },
  provider: { type: 'string' },
  threshold: { type: 'string' },
  budget: { type: 'string' },
  redact: { type: 'boolean', default: false },
  list: { type: 'string' },
  accept: { type: 'string' },
  reject: { type: 'string' },
  note: { type: 'string' },
  models: { type: 'string' },
  metric: { type: 'string' },
  'system-prompt': { type: 'string' },
  pattern: { type: 'string' },
  schema: { type: 'string' },
  concurrency: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: joinNegativeValues(argv, new Set(Object.entries(OPTIONS).filter(([, o]) => o.type === 'string').map(([name]) => name))),
    allowPositionals: true,
    options: OPTIONS,
  });
  const [command, ...args] = positionals;
  if (values.help || !command || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return command || values.help ? 0 : 2;
  }
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive whole number');

  const core = createCore({ dataDir: values.data ?? defaultDataDir() });
  try {
    switch (command) {
      case 'import':
        return await importCommand(core, { files: args, format: values.format, multiTurn: values['multi-turn'], json: values.json });
      case 'traces':
        return await tracesCommand(core, { where: values.where, limit, json: values.json, search: values.search, searchIn: values['search-in'] });
      case 'facets':
        return await facetsCommand(core, { where: values.where, json: values.json, search: values.search, searchIn: values['search-in'] });
      case 'rejected':
        return await rejectedCommand(core, { limit, json: values.json });
      case 'notices':
        return await noticesCommand(core, { limit, json: values.json });
      case 'jobs':
        return await jobsCommand(core, { json: values.json });
      case 'cluster':
        return await clusterCommand(core, {
          embedder: values.embedder,
          textMode: values.text,
          granularity: values.granularity,
          minClusterSize: values['min-cluster-size'],
          nameWithLlm: values['name-with-llm'],
          json: values.json,
        });
      case 'clusters':
        return await clustersCommand(core, { run: values.run, members: values.members, json: values.json });
      case 'dataset':
        return await datasetCommand(core, args, {
          kind: values.kind,
          fromCluster: values['from-cluster'],
          pick: values.pick,
          minScore: values['min-score'],
          where: values.where,
          exclude: values.exclude,
          description: values.description,
          near: values.near,
          trace: values.trace,
          test: values.test,
          validation: values.validation,
          seed: values.seed,
          json: values.json,
        });
      case 'export':
        return await exportCommand(core, args, { format: values.format, out: values.out, pii: values.pii, json: values.json });
      case 'curate':
        return await curateCommand(core, args, { filters: values.filters, judge: values.judge, threshold: values.threshold, budget: values.budget, json: values.json });
      case 'pii':
        return await piiCommand(core, args, { redact: values.redact, json: values.json });
      case 'review':
        return await reviewCommand(core, args, { list: values.list, accept: values.accept, reject: values.reject, note: values.note, limit, json: values.json });
      case 'estimate':
      case 'judge': {
        const judgeOpts = { model: values.judge ?? values.model, provider: values.provider, threshold: values.threshold, budget: values.budget, json: values.json };
        return await (command === 'estimate' ? estimateCommand : judgeCommand)(core, args, judgeOpts);
      }
      case 'eval':
        return await evalCommand(core, args, {
          models: values.models,
          metric: values.metric,
          provider: values.provider,
          systemPrompt: values['system-prompt'],
          budget: values.budget,
          pattern: values.pattern,
          schema: values.schema,
          judge: values.judge,
          concurrency: values.concurrency,
          json: values.json,
        });
      case 'resume':
        return await resumeCommand(core, { id: Number(args[0]), json: values.json });
      default:
        throw new UsageError(`unknown command "${command}" (see --help)`);
    }
  } finally {
    await core.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`winnow: ${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof CommandError) {
      process.stderr.write(`winnow: ${error.message} [${error.code}]\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`winnow: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
