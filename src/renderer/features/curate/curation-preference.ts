// Whether the curation panel is open on a draft: a per-window preference kept in localStorage (open by default,
// since curating is what a draft is for). Imports: nothing.
const KEY = 'winnow.curation.open';

export function curationOpenPreference(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'false';
  } catch {
    return true;
  }
}

export function saveCurationOpen(open: boolean): void {
  try {
    localStorage.setItem(KEY, String(open));
  } catch {
    // Storage may be unavailable; the choice then lasts until the view closes.
  }
}
