// The curation engine's public surface: rows in, verdicts and redactions out. Other code imports from here.
// Imports: the engine's modules.

export type { AssistantResponse, ChatMessage, ContentPart, CurateRow, MessageContent, ToolCall } from './curate-row.ts';
export { FILTER_NAMES, type FilterName, type FilterVerdict } from './filter-verdict.ts';
export { defaultFilterConfig, resolveFilterConfig, type FilterConfig, type FilterSettings } from './filter-config.ts';
export { runFilters, type FilterCount, type FilterRun, type OverrideVerdict, type Overrides, type RowVerdict } from './run-filters.ts';
export { detectRefusal, type RefusalMatch } from './filters/refusal-detector.ts';
export { detectTruncation } from './filters/truncation-detector.ts';
export { countRowTokens } from './filters/row-tokens.ts';
export { detectPii } from './pii/detect-pii.ts';
export { PII_TYPES, type PiiSpan, type PiiType } from './pii/pii-span.ts';
export { findRowPii, PiiCache, type RowPiiSpan } from './pii/row-pii.ts';
export { redactRow, type RedactedRow } from './pii/redact-row.ts';
export type { TextLocation } from './row-text.ts';
export { agreementAt, bestThreshold, type AgreementFigures, type JudgedDecision } from './agreement.ts';
export { runFiltersInWorker } from './filter-api.ts';
export type { FilterWorkerResult } from './curate-filter-worker.ts';
