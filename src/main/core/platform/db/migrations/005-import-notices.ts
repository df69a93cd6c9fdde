// Migration 4: the notices each imported file's lines carried (line, code, message), a bounded sample per code,
// and the full count per code on the file, so a user sees which lines were flagged and why. Imports: nothing.

export const sql = `
CREATE TABLE import_notices (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES import_files(id),
  line INTEGER NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX import_notices_file ON import_notices (file_id, id);

ALTER TABLE import_files ADD COLUMN notice_codes_json TEXT NOT NULL DEFAULT '{}';
`;
