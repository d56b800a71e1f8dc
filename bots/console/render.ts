// Renders replies as plain terminal text: buttons become numbered options, and the numbers
// of the latest reply are remembered so that typing one presses that button.
import type { Button, Reply } from '../../src/conversation/types.js';

export class ConsoleRenderer {
  private options: Button[] = [];

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
      if (reply.document) out.push(`[tệp đính kèm: ${reply.document.filename}, ${Buffer.from(reply.document.base64, 'base64').length} byte]`);
      if (reply.imagePngBase64) out.push('[ảnh PNG đính kèm]');
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

  /** The payload of option `n` of the latest buttons, when the line is just a number. */
  pressed(line: string): string | undefined {
    const n = /^\s*(\d{1,2})\s*$/.exec(line);
    return n ? this.options[Number(n[1]) - 1]?.payload : undefined;
  }
}
