// The conversation of one trace as messages: roles, text, tool calls with their arguments, tool results; under
// each row's turn, where that row sits in the clustering. A focused row's turn is highlighted and scrolled to.
// Imports: react, components, message-shape, RowClusterChip.
import { useEffect, useRef, type ReactElement, type Ref } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { readMessage, toolNamesById, type MessageView } from './message-shape.ts';
import { RowClusterChip, type RowMark } from './RowClusterChip.tsx';

const ROLE_LABELS: Record<string, string> = {
  system: 'System',
  developer: 'Developer',
  user: 'User',
  assistant: 'Assistant',
  tool: 'Tool result',
};

interface ConversationProps {
  messages: Record<string, unknown>[];
  /** Rows by the index of the message that is their turn (the response, or a prompt-only row's last message). */
  rows?: ReadonlyMap<number, RowMark>;
  /** The row to scroll to and highlight. */
  focusRowId?: number | null;
}

export function Conversation({ messages, rows, focusRowId = null }: ConversationProps): ReactElement {
  const views = messages.map(readMessage);
  const toolNames = toolNamesById(views);
  const focusedRef = useRef<HTMLLIElement>(null);
  const rowCount = rows?.size ?? 0;
  let focusIndex = -1;
  for (const [i, mark] of rows ?? []) if (mark.rowId === focusRowId) focusIndex = i;
  useEffect(() => {
    // The turn the user came for, in the middle of the panel rather than at its edge.
    if (focusIndex >= 0) focusedRef.current?.scrollIntoView({ block: 'center' });
  }, [focusIndex, messages]);
  return (
    <ol className="conversation" data-testid="conversation">
      {views.map((m, i) => {
        const mark = rows?.get(i);
        return (
          <Message
            key={i}
            message={m}
            toolName={m.toolCallId ? toolNames.get(m.toolCallId) : undefined}
            focused={i === focusIndex}
            itemRef={i === focusIndex ? focusedRef : undefined}
            footer={mark && (mark.cluster || i === focusIndex) ? <RowClusterChip mark={mark} rows={rowCount} /> : null}
          />
        );
      })}
    </ol>
  );
}

interface MessageProps {
  message: MessageView;
  toolName: string | undefined;
  focused: boolean;
  itemRef: Ref<HTMLLIElement> | undefined;
  footer: ReactElement | null;
}

function Message({ message: m, toolName, focused, itemRef, footer }: MessageProps): ReactElement {
  return (
    <li className={`message message-${m.role}${focused ? ' message-focused' : ''}`} data-role={m.role} ref={itemRef} data-focused={focused || undefined}>
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
      {footer}
    </li>
  );
}
