// Strings for tests that assert which message was said rather than its wording.
import { I18n, type Locale, type MessageArgs, type MessageId } from '../../src/i18n/index.js';

export interface Said {
  locale: Locale;
  id: MessageId;
  args?: MessageArgs;
}

/**
 * The real strings, plus a record of every message formatted (replies and pushes alike), so a
 * test can assert ids and arguments while the person still reads real Vietnamese.
 */
export class RecordingI18n extends I18n {
  private said: Said[] = [];

  override t(locale: Locale, id: MessageId, args?: MessageArgs): string {
    this.said.push({ locale, id, ...(args ? { args } : {}) });
    return super.t(locale, id, args);
  }

  /** What was said since the last call, and forgets it. */
  take(): Said[] {
    const said = this.said;
    this.said = [];
    return said;
  }

  /** The ids said since the last take(), in order. */
  ids(): MessageId[] {
    return this.take().map((s) => s.id);
  }
}

/** Renders every message as its id (and its arguments as JSON), so replies read as ids. */
export class IdI18n extends I18n {
  override t(_locale: Locale, id: MessageId, args?: MessageArgs): string {
    return args && Object.keys(args).length ? `${id} ${JSON.stringify(args)}` : id;
  }
}
