// Renders replies as plain terminal text: buttons become numbered options, and the numbers
// of the latest reply are remembered so that typing one presses that button (the rule shared
// with the other channels without buttons, src/conversation/choices.ts). Files and pictures
// are written to the export folder and shown by their path.
import type { Reply } from '../../src/conversation/types.js';
import { liveChoices, numberChoices, typedChoice } from '../../src/conversation/choices.js';
import type { ExportFolder } from './exports.js';

/** How the console names a saved file and a saved picture (Fluent messages, in the caller's language). */
export interface SavedLabels {
  file(path: string, bytes: number): string;
  image(path: string, alt: string): string;
}

export class ConsoleRenderer {
  private options: string[] = [];

  constructor(
    private readonly exports?: ExportFolder,
    private readonly labels?: SavedLabels,
  ) {}

  /** A reply sets the live options; a push only when it brings buttons of its own. */
  render(replies: Reply[], kind: 'reply' | 'push' = 'reply'): string {
    const out: string[] = [];
    for (const { reply, choices } of numberChoices(replies)) {
      out.push(reply.text);
      if (reply.document) out.push(this.saved('file', reply.document.filename, reply.document.base64, ''));
      if (reply.image) out.push(this.saved('image', reply.image.filename, reply.image.base64, reply.image.alt));
      for (const { n, button } of choices) out.push(`  [${n}] ${button.label}`);
    }
    this.options = liveChoices(replies, kind) ?? this.options;
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
    const n = typedChoice(line);
    return n ? this.options[n - 1] : undefined;
  }
}
