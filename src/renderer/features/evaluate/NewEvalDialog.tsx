// "New evaluation": a frozen eval version, the models to run (from Settings' providers), the metric and its
// options, an optional system prompt override and budget; Estimate shows calls, tokens and cost per model
// before Start. Imports: react, components, lib/format, the datasets dialog frame, the stores of this folder.
import { useEffect, type ReactElement } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatCost, formatCount } from '../../lib/format.ts';
import { useUiStore } from '../../shell/ui-store.ts';
import { DatasetDialog } from '../datasets/DatasetDialog.tsx';
import { useEvalRowsStore } from './eval-rows-store.ts';
import { useEvaluateStore } from './evaluate-store.ts';
import { modelKey, useNewEvalStore } from './new-eval-store.ts';
import { EvalMetric, type EvalEstimate } from '../../../shared/contract/index.ts';

const METRIC_HELP: Record<EvalMetric, string> = {
  exact: 'exact match with the expected output',
  normalized: 'match ignoring case and whitespace',
  json: 'equal JSON values',
  contains: 'the output contains the expected text',
  regex: 'the output matches a pattern',
  schema: 'valid JSON under the expected schema',
  tool: 'same tool calls (name and arguments)',
  judge: 'an LLM judge against the expected output',
};

export function NewEvalDialog(): ReactElement {
  const setNewOpen = useEvaluateStore((s) => s.setNewOpen);
  const openRun = useEvaluateStore((s) => s.open);
  const loadRows = useEvalRowsStore((s) => s.load);
  const datasets = useNewEvalStore((s) => s.datasets);
  const models = useNewEvalStore((s) => s.models);
  const form = useNewEvalStore((s) => s.form);
  const change = useNewEvalStore((s) => s.change);
  const prepare = useNewEvalStore((s) => s.prepare);
  const estimate = useNewEvalStore((s) => s.estimate);
  const estimating = useNewEvalStore((s) => s.estimating);
  const runEstimate = useNewEvalStore((s) => s.runEstimate);
  const starting = useNewEvalStore((s) => s.starting);
  const start = useNewEvalStore((s) => s.start);
  const error = useNewEvalStore((s) => s.error);
  const go = useUiStore((s) => s.go);
  const close = () => setNewOpen(false);

  useEffect(() => {
    void prepare();
  }, [prepare]);

  const dataset = datasets.find((d) => d.name === form.dataset);
  const versions = dataset?.latestVersion ? Array.from({ length: dataset.latestVersion }, (_, i) => dataset.latestVersion! - i) : [];

  return (
    <DatasetDialog title="New evaluation" onClose={close} testId="new-eval-dialog">
      <form
        className="dataset-form"
        onSubmit={(e) => {
          e.preventDefault();
          void start().then((runId) => {
            if (runId === null) return;
            close();
            void openRun(runId);
            void loadRows(runId, 'all');
          });
        }}
      >
        {datasets.length === 0 ? (
          <p className="text-warning small">
            No frozen eval version yet. Freeze an eval dataset first (
            <button type="button" className="link-button" onClick={() => { close(); go('datasets'); }}>
              Datasets
            </button>
            ).
          </p>
        ) : null}
        <div className="dataset-form-row">
          <label className="field-inline">
            Eval version
            <select className="input input-select input-sm" value={form.dataset} onChange={(e) => change({ dataset: e.target.value })} data-testid="eval-dataset">
              {datasets.map((d) => (
                <option key={d.id} value={d.name}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field-inline">
            @
            <select className="input input-select input-sm" value={form.version ?? ''} onChange={(e) => change({ version: Number(e.target.value) })} data-testid="eval-version">
              {versions.map((v) => (
                <option key={v} value={v}>
                  v{v}
                </option>
              ))}
            </select>
          </label>
          {dataset?.latestRows != null ? <span className="muted small">{formatCount(dataset.latestRows)} rows in v{dataset.latestVersion}</span> : null}
        </div>
        <fieldset className="dataset-field">
          <legend className="section-label">Models</legend>
          {models.length === 0 ? (
            <p className="small">
              No chat models yet: add a provider and its models in{' '}
              <button type="button" className="link-button" onClick={() => { close(); go('settings'); }}>
                Settings
              </button>
              .
            </p>
          ) : (
            <div className="eval-models" data-testid="eval-models">
              {models.map((m) => {
                const key = modelKey(m);
                return (
                  <label key={key}>
                    <input
                      type="checkbox"
                      checked={form.models.includes(key)}
                      onChange={(e) => change({ models: e.target.checked ? [...form.models, key] : form.models.filter((k) => k !== key) })}
                      data-testid="eval-model"
                      data-model={m.model}
                    />
                    {m.label}
                    {m.price ? <span className="muted small">${m.price.input} / ${m.price.output} per 1M</span> : null}
                  </label>
                );
              })}
            </div>
          )}
        </fieldset>
        <div className="dataset-form-row">
          <label className="field-inline">
            Metric
            <select className="input input-select input-sm" value={form.metric} onChange={(e) => change({ metric: EvalMetric.parse(e.target.value) })} data-testid="eval-metric">
              {EvalMetric.options.map((m) => (
                <option key={m} value={m}>
                  {m} — {METRIC_HELP[m]}
                </option>
              ))}
            </select>
          </label>
          {form.metric === 'regex' ? (
            <label className="field-inline">
              Pattern
              <input className="input input-sm mono" value={form.pattern} onChange={(e) => change({ pattern: e.target.value })} placeholder="^\d+$" data-testid="eval-pattern" />
            </label>
          ) : null}
          {form.metric === 'judge' ? (
            <label className="field-inline">
              Judge
              <select className="input input-select input-sm" value={form.judge} onChange={(e) => change({ judge: e.target.value })} data-testid="eval-judge">
                <option value="">default model</option>
                {models.map((m) => (
                  <option key={modelKey(m)} value={modelKey(m)}>
                    {m.label}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
        <label className="dataset-field">
          <span className="section-label">
            System prompt <span className="muted">— optional: replaces each row’s, to test a prompt version on the same rows</span>
          </span>
          <textarea className="input" rows={3} value={form.systemPrompt} onChange={(e) => change({ systemPrompt: e.target.value })} placeholder="The rows’ own system prompts" data-testid="eval-system-prompt" />
        </label>
        <div className="dataset-form-row">
          <label className="field-inline">
            Budget (USD)
            <input className="input input-sm" value={form.budget} onChange={(e) => change({ budget: e.target.value })} placeholder="no limit" inputMode="decimal" data-testid="eval-budget" />
          </label>
          <button type="button" className="btn btn-sm" disabled={estimating || form.models.length === 0 || form.version === null} onClick={() => void runEstimate()} data-testid="eval-estimate-button">
            {estimating ? 'Estimating…' : 'Estimate'}
          </button>
        </div>
        {estimate ? <EstimateNote estimate={estimate} /> : null}
        {error ? <ErrorNote message={error} /> : null}
        <div className="dataset-form-actions">
          <button type="submit" className="btn btn-primary" disabled={starting || estimate === null} title={estimate === null ? 'Estimate the cost first' : undefined} data-testid="eval-start">
            {starting ? 'Starting…' : 'Start evaluation'}
          </button>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </DatasetDialog>
  );
}

function EstimateNote({ estimate }: { estimate: EvalEstimate }): ReactElement {
  return (
    <div className="eval-estimate small" data-testid="eval-estimate">
      {estimate.models.map((m) => (
        <div key={`${m.provider}/${m.model}`}>
          <strong>{m.model}</strong>: {formatCount(m.calls)} calls · {formatCount(m.inputTokens)} in + ~{formatCount(m.outputTokens)} out tokens · {m.usd === null ? 'no price' : formatCost(m.usd)}
        </div>
      ))}
      {estimate.judge ? (
        <div>
          judge {estimate.judge.model}: {formatCount(estimate.judge.calls)} calls · {estimate.judge.usd === null ? 'no price' : formatCost(estimate.judge.usd)}
        </div>
      ) : null}
      <div>
        Total <strong data-testid="eval-estimate-total">{estimate.totalUsd === null ? 'unknown (a model has no price)' : formatCost(estimate.totalUsd)}</strong> for {formatCount(estimate.rows)} rows
        {estimate.exact ? '' : ' (tokens estimated)'}
      </div>
    </div>
  );
}
