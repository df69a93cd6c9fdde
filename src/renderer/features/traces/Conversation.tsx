// The conversation of one trace as messages: roles, text, tool calls with their arguments, tool results.
// Imports: react, components, message-shape.
import type { ReactElement } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { readMessage, toolNamesById, type MessageView } from './message-shape.ts';

const ROLE_LABELS: Record<string, string> = {
  system: 'System',
  developer: 'Developer',
  user: 'User',
  assistant: 'Assistant',
  tool: 'Tool result',
};

export function Conversation({ messages }: { messages: Record<string, unknown>[] }): ReactElement {
  const views = messages.map(readMessage);
  const toolNames = toolNamesById(views);
  return (
    <ol className="conversation" data-testid="conversation">
      {views.map((m, i) => (
        <Message key={i} message={m} toolName={m.toolCallId ? toolNames.get(m.toolCallId) : undefined} />
      ))}
    </ol>
  );
}

function Message({ message: m, toolName }: { message: MessageView; toolName: string | undefined }): ReactElement {
  return (
    <li className={`message message-${m.role}`} data-role={m.role}>
      <div className="message-head">
        {m.role === 'tool' ? <Icon name="tool" size={14} /> : null}
        <span className="message-role">{ROLE_LABELS[m.role] ?? m.role}</span>
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
          <div key={i} className="message-text">
            {p.text}
          </div>
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
          <pre className="code-block">{c.args}</pre>
        </div>
      ))}
    </li>
  );
}
