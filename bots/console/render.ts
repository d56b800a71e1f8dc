// Renders replies as plain terminal text: buttons become numbered options, and the numbers
// of the latest reply are remembered so that typing one presses that button. Files and
// pictures are written to the export folder and shown by their path.
import type { Button, Reply } from '../../src/conversation/types.js';
import type { ExportFolder } from './exports.js';

/** How the console names a saved file and a saved picture (Fluent messages, in the caller's language). */
export interface SavedLabels {
  file(path: string, bytes: number): string;
  image(path: string, alt: string): string;
}

export class ConsoleRenderer {
  private options: Button[] = [];

  constructor(
    private readonly exports?: ExportFolder,
    private readonly labels?: SavedLabels,
  ) {}

  /**
   * A reply to what the person typed sets the options (none when it has no buttons: the
   * person is then expected to type, and "1" must reach the dialogue as text). A push
   * arriving meanwhile replaces them only if it brings buttons of its own.
   */
  render(replies: Reply[], kind: 'reply' | 'push' = 'reply'): string {
    const out: string[] = [];
    const options: Button[] = [];
    for (const reply of replies) {
      out.push(reply.text);
      if (reply.document) out.push(this.saved('file', reply.document.filename, reply.document.base64, ''));
      if (reply.image) out.push(this.saved('image', reply.image.filename, reply.image.base64, reply.image.alt));
      for (const row of reply.buttons ?? []) {
        for (const b of row) {
          options.push(b);
          out.push(`  [${options.length}] ${b.label}`);
        }
      }
    }
    if (kind === 'reply' || options.length) this.options = options;
    return out.join('\n');
  }

  private saved(kind: 'file' | 'image', filename: string, base64: string, alt: string): string {
    const bytes = Buffer.from(base64, 'base64');
    const where = this.exports ? this.exports.save(filename, bytes) : filename;
    if (!this.labels) return `[${where}]`;
    return kind === 'file' ? this.labels.file(where, bytes.length) : this.labels.image(where, alt);
  }

  /** The payload of option `n` of the latest buttons, when the line is just a number. */
  pressed(line: string): string | undefined {
    const n = /^\s*(\d{1,2})\s*$/.exec(line);
    return n ? this.options[Number(n[1]) - 1]?.payload : undefined;
  }
}
