import { describe, expect, it } from 'vitest';
import { ConsoleRenderer } from '../../bots/console/render.js';

const withButtons = { text: 'Chọn', buttons: [[{ label: 'Một', payload: 'x:1' }], [{ label: 'Hai', payload: 'x:2' }]] };

describe('console buttons', () => {
  it('numbers the buttons of the latest reply', () => {
    const r = new ConsoleRenderer();
    expect(r.render([withButtons])).toBe('Chọn\n  [1] Một\n  [2] Hai');
    expect(r.pressed('2')).toBe('x:2');
    expect(r.pressed('3')).toBeUndefined();
    expect(r.pressed('2 cái')).toBeUndefined();
  });

  it('a reply without buttons clears them, so a typed number reaches the dialogue as text', () => {
    const r = new ConsoleRenderer();
    r.render([withButtons]);
    r.render([{ text: 'Nhập điểm tự chấm (0–20):' }]);
    expect(r.pressed('1')).toBeUndefined();
  });

  it('a push without buttons leaves the options of the reply being answered', () => {
    const r = new ConsoleRenderer();
    r.render([withButtons]);
    r.render([{ text: '🔔 Thông báo' }], 'push');
    expect(r.pressed('1')).toBe('x:1');
    r.render([{ text: 'Đánh giá', buttons: [[{ label: 'Ba', payload: 'y:3' }]] }], 'push');
    expect(r.pressed('1')).toBe('y:3');
  });
});
