// A draft row's conversation for review: each prompt message with its role, tool calls and tool results, then
// the response under review set apart; PII highlighted where the core found it, long text folded.
// Imports: react, components, traces/message-shape (the shared reading of chat messages), ./MarkedText.tsx.
import type { ReactElement } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { readMessage, toolNamesById, type MessageView } from '../traces/message-shape.ts';
import { MarkedText } from './MarkedText.tsx';
import type { PiiSpanView } from '../../../shared/contract/index.ts';

const ROLE_LABELS: Record<string, string> = {
  system: 'System',
  developer: 'Developer',
  user: 'User',
  assistant: 'Assistant',
  tool: 'Tool result',
};

interface Props {
  messages: Record<string, unknown>[];
  response: Record<string, unknown>;
  pii: readonly PiiSpanView[];
}

export function ReviewConversation({ messages, response, pii }: Props): ReactElement {
  const views = messages.map(readMessage);
  const answer = readMessage(response);
  const toolNames = toolNamesById([...views, answer]);
  return (
    <ol className="conversation review-conversation" data-testid="review-conversation">
      {views.map((m, i) => (
        <Message key={i} raw={messages[i] ?? {}} message={m} at={i} pii={pii} toolName={m.toolCallId ? toolNames.get(m.toolCallId) : undefined} />
      ))}
      <Message raw={response} message={answer} at="response" pii={pii} toolName={undefined} />
    </ol>
  );
}

/** Spans of one text: a content part (a plain-string content is part 0 here and part null in the core), or a tool call's arguments. */
function spansAt(pii: readonly PiiSpanView[], at: number | 'response', part: number | null, toolCall: number | null): PiiSpanView[] {
  return pii.filter((s) => s.message === at && (toolCall !== null ? s.toolCall === toolCall : s.toolCall === null && (s.part === part || (part === 0 && s.part === null))));
}

interface MessageProps {
  raw: Record<string, unknown>;
  message: MessageView;
  at: number | 'response';
  pii: readonly PiiSpanView[];
  toolName: string | undefined;
}

function Message({ raw, message: m, at, pii, toolName }: MessageProps): ReactElement {
  const isResponse = at === 'response';
  return (
    <li className={`message message-${m.role}${isResponse ? ' message-under-review' : ''}`} data-role={m.role} data-testid={isResponse ? 'review-response' : undefined}>
      <div className="message-head">
        {m.role === 'tool' ? <Icon name="tool" size={14} /> : null}
        <span className="message-role">{isResponse ? 'Response under review' : (ROLE_LABELS[m.role] ?? m.role)}</span>
        {m.role === 'tool' && (toolName || m.toolCallId) ? (
          <span className="muted small">
            {toolName ? `${toolName} · ` : ''}
            <span className="mono">{m.toolCallId}</span>
          </span>
        ) : m.name ? (
          <span className="muted small">{m.name}</span>
        ) : null}
      </div>
      {m.parts.map((p, i) =>
        p.kind === 'text' ? (
          <MarkedText key={i} text={p.text} spans={spansAt(pii, at, i, null)} />
        ) : p.kind === 'image' ? (
          <div key={i} className="message-chip">
            image: {p.ref}
          </div>
        ) : (
          <pre key={i} className="code-block">
            {p.json}
          </pre>
        ),
      )}
      {m.parts.length === 0 && m.toolCalls.length === 0 ? <div className="muted small">(empty)</div> : null}
      {m.toolCalls.map((c, i) => (
        <div key={c.id ?? i} className="tool-call" data-testid="tool-call">
          <div className="tool-call-head">
            <Icon name="tool" size={14} />
            <span>
              Calls <strong className="mono">{c.name}</strong>
            </span>
            {c.id ? <span className="muted small mono">{c.id}</span> : null}
          </div>
          {/* Spans index the raw arguments; MarkedText finds their values again in the pretty-printed JSON. */}
          <MarkedText text={rawArgs(raw, i) ?? c.args} spans={spansAt(pii, at, null, i)} mode="code" />
        </div>
      ))}
    </li>
  );
}

/** The tool call's arguments as stored, so span offsets line up; the pretty form is derived from it. */
function rawArgs(raw: Record<string, unknown>, i: number): string | null {
  const calls = raw.tool_calls;
  const call: unknown = Array.isArray(calls) ? calls[i] : null;
  if (typeof call !== 'object' || call === null || !('function' in call)) return null;
  const fn: unknown = call.function;
  if (typeof fn !== 'object' || fn === null || !('arguments' in fn)) return null;
  return typeof fn.arguments === 'string' ? fn.arguments : null;
}
