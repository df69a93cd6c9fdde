// One text of a row as a reviewer reads it: JSON pretty-printed, PII spans highlighted with their type, long
// text folded behind a button. Imports: react, ./text-marks.ts, ./review-format.ts.
import { useState, type ReactElement } from 'react';
import { piiLabel } from './review-format.ts';
import { asPrettyJson, foldText, markSegments, remapSpans, type MarkSpan } from './text-marks.ts';

interface Props {
  text: string;
  spans: readonly MarkSpan[];
  /** `code` always shows a code block (tool arguments); `auto` does when the text is JSON. */
  mode?: 'auto' | 'code';
}

export function MarkedText({ text, spans, mode = 'auto' }: Props): ReactElement {
  const [open, setOpen] = useState(false);
  const pretty = asPrettyJson(text);
  const shown = pretty ?? text;
  const marks = remapSpans(text, shown, spans);
  const folded = foldText(shown);
  const body = open || folded.hiddenChars === 0 ? shown : folded.head;
  const segments = markSegments(body, marks);
  const Tag = pretty !== null || mode === 'code' ? 'pre' : 'div';

  return (
    <div className="marked-text">
      <Tag className={Tag === 'pre' ? 'code-block' : 'message-text'}>
        {segments.map((s, i) =>
          s.mark === null ? (
            s.text
          ) : (
            <mark key={i} className="pii-mark" data-pii={s.mark} title={`PII: ${piiLabel(s.mark)}`}>
              {s.text}
              <span className="pii-tag">{piiLabel(s.mark)}</span>
            </mark>
          ),
        )}
      </Tag>
      {folded.hiddenChars > 0 ? (
        <button type="button" className="link-button small fold-toggle" onClick={() => setOpen((v) => !v)}>
          {open ? 'Fold' : `Show ${folded.hiddenLines > 1 ? `${folded.hiddenLines} more lines` : `${folded.hiddenChars.toLocaleString('en-US')} more characters`}`}
        </button>
      ) : null}
    </div>
  );
}
