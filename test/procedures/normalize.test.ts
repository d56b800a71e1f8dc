import { describe, expect, it } from 'vitest';
import { accentCompatible, accents, isVietnameseSyllable, normalize, tokenize } from '../../src/procedures/normalize.js';

describe('normalize', () => {
  it('treats NFC and NFD input alike', () => {
    const nfc = 'Đăng ký khai sinh cho con'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(normalize(nfd)).toBe(normalize(nfc));
    expect(normalize(nfc)).toBe('dang ky khai sinh cho con');
  });

  it('ignores tone placement (hòa/hoà, thúy/thuý) and case', () => {
    expect(normalize('hòa giải')).toBe(normalize('hoà giải'));
    expect(normalize('Thúy')).toBe(normalize('thuý'));
    expect(normalize('HÒA GIẢI')).toBe('hoa giai');
  });

  it('folds đ/Đ to d and strips every diacritic', () => {
    expect(normalize('Đất đai')).toBe('dat dai');
    expect(normalize('ưu tiên, ơn, ăn, ân, ê, ô')).toBe('uu tien on an an e o');
  });

  it('cleans Telex residue', () => {
    expect(normalize('khai sinhf')).toBe('khai sinh');
    expect(normalize('ddang kys')).toBe('dang ky');
    expect(normalize('hooj khaau')).toBe('ho khau');
    expect(normalize('thuowngf truws')).toBe('thuong tru');
    expect(normalize('tieengs vieetj')).toBe('tieng viet');
  });

  it('cleans VNI residue but keeps form codes', () => {
    expect(normalize('dang ky1')).toBe('dang ky');
    expect(normalize('d9ang ky1 ta5m tru1')).toBe('dang ky tam tru');
    expect(normalize('mẫu CT01')).toBe('mau ct01');
  });

  it('leaves real words and foreign words alone', () => {
    for (const w of ['xoong', 'photo', 'cccd', 'vneid', 'online', 'nguyen', 'truong', 'khuya']) {
      expect(normalize(w)).toBe(w);
    }
  });

  it('strips punctuation and collapses whitespace', () => {
    expect(normalize('  Khai   sinh?!…  (cho con)\n')).toBe('khai sinh cho con');
    expect(normalize('!!!')).toBe('');
  });
});

describe('isVietnameseSyllable', () => {
  it('accepts real syllables and rejects IME residue', () => {
    for (const w of ['nghieng', 'quyen', 'giay', 'khuyet', 'xoong', 'uong']) expect(isVietnameseSyllable(w)).toBe(true);
    for (const w of ['kys', 'ddang', 'hoo', 'khaau', 'sihn', 'photo']) expect(isVietnameseSyllable(w)).toBe(false);
  });
});

describe('tokenize', () => {
  it('drops stop words and filler phrases', () => {
    expect(tokenize('cho em hỏi làm giấy khai sinh cho con thì cần những gì ạ')).toEqual(['giay', 'khai', 'sinh', 'con']);
    expect(tokenize('đăng ký tạm trú mất bao nhiêu tiền, ở đâu vậy ad?')).toEqual(['dang', 'ky', 'tam', 'tru']);
  });

  it('maps colloquial words to official ones', () => {
    expect(tokenize('nhập hộ khẩu')).toEqual(tokenize('nhập thường trú'));
    expect(tokenize('sổ đỏ')).toEqual(tokenize('giấy chứng nhận quyền sử dụng đất'));
    expect(tokenize('bìa hồng')).toEqual(tokenize('sổ đỏ'));
    expect(tokenize('giấy độc thân')).toEqual(tokenize('giấy tình trạng hôn nhân'));
    expect(tokenize('công chứng')).toEqual(tokenize('chứng thực'));
    expect(tokenize('cưới')).toEqual(['ket', 'hon']);
    expect(tokenize('người nhà qua đời')).toEqual(tokenize('người nhà khai tử'));
    expect(tokenize('photo')).toEqual(['ban', 'sao']);
    expect(tokenize('đẻ con')).toEqual(['khai', 'sinh']);
  });

  it('keeps the meaning of ambiguous words in context', () => {
    // "mất" = died, but "mất bao lâu" = how long; "mất giấy" = lost the paper.
    expect(tokenize('bố mất')).toContain('tu');
    expect(tokenize('làm khai sinh mất bao lâu')).toEqual(['khai', 'sinh']);
    expect(tokenize('mất giấy khai sinh')).toEqual(['that', 'lac', 'giay', 'khai', 'sinh']);
    // "xã hội" survives although "xã" alone is a stop word.
    expect(tokenize('trợ cấp xã hội')).toEqual(['tro', 'cap', 'xahoi']);
  });
});

describe('accents', () => {
  it('tells apart words that fold to the same letters', () => {
    const [dong1, dong2] = accents('đóng đồng');
    expect(dong1.fold).toBe(dong2.fold);
    expect(accentCompatible(dong1, dong2)).toBe(false);
  });

  it('forgives missing marks and hỏi/ngã confusion', () => {
    const [typed, known] = accents('ket kết');
    expect(accentCompatible(typed, known)).toBe(true);
    const [hoi, nga] = accents('hổ hỗ');
    expect(accentCompatible(hoi, nga)).toBe(true);
    const [hoa1, hoa2] = accents('hoà hòa');
    expect(accentCompatible(hoa1, hoa2)).toBe(true);
  });
});
