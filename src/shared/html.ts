// Escaping for server-rendered HTML: every value that came from a person or the database goes
// through it, so a "<script>" in a resolution summary shows as text.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}
