// Vietnamese-aware text normalisation shared by indexing and querying.
//
// normalize(): orthography only — Unicode form, case, diacritics, đ, IME residue, punctuation.
//   Everything is folded to ASCII, so NFC/NFD input, "hòa"/"hoà", "thuý"/"thúy" and "dang ky"
//   typed without accents all become the same string.
// tokenize(): normalize() + colloquial/synonym phrase rewriting + stop-word removal. The same
//   function runs over the catalogue and over questions, so a rewrite on one side is always
//   mirrored on the other.

import { foldDiacritics } from '../shared/fold.js';

// A Vietnamese syllable written without diacritics: onset, vowel nucleus, coda. Used to decide
// whether a token is already a real word or still carries Telex/VNI keystrokes.
const ONSET = '(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?';
const NUCLEUS =
  '(?:uye|uya|uyu|ieu|yeu|oai|oay|oeo|uay|uoi|uou|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|ua|ue|ui|uo|uu|uy|ye|[aeiouy])';
const CODA = '(?:ch|ng|nh|[cmnpt])?';
// "oo" only exists before -ng/-c (xoong, quần soóc); elsewhere it is Telex for "ô".
const SYLLABLE = new RegExp(`^${ONSET}(?:${NUCLEUS}${CODA}|oo(?:ng|c))$`);
const VOWEL = /[aeiouy]/;

export function isVietnameseSyllable(token: string): boolean {
  return SYLLABLE.test(token);
}

// Undo Telex/VNI keystrokes left in a word when the IME was off: "ddang" "kys" "hooj" "khaau"
// "sinhf" "thuowngf" "ky1" "d9ang". Only applied when the token is not already a valid syllable
// and the repaired form is one, so words like "photo", "cccd", "ct01", "vneid" are left alone.
function repairImeResidue(token: string): string {
  if (!/[a-z]/.test(token) || isVietnameseSyllable(token)) return token;
  let t = token;
  // VNI: tone/shape digits 1–9 typed after letters ("ky1", "d9ang", "ho65"). Codes such as
  // "ct01"/"ct07" have no vowel and contain 0, so they are kept.
  if (/^[a-z1-9]+$/.test(t) && /[1-9]/.test(t) && VOWEL.test(t)) t = t.replace(/[1-9]/g, '');
  const firstVowel = t.search(VOWEL);
  if (firstVowel >= 0) {
    // Telex: tone letters s f r x j (z = clear) and the shape letter w can only follow a vowel,
    // and no Vietnamese syllable ends in them; doubled letters aa ee oo dd mark â ê ô đ.
    const onset = t.slice(0, firstVowel).replace(/^dd/, 'd');
    const rest = t.slice(firstVowel).replace(/[sfrxjzw]/g, '');
    const collapsed = onset + rest.replace(/([aeo])\1+/g, '$1');
    if (isVietnameseSyllable(collapsed)) return collapsed;
    if (isVietnameseSyllable(onset + rest)) return onset + rest;
  }
  return isVietnameseSyllable(t) ? t : token;
}

/** Fold text to lowercase ASCII Vietnamese: no diacritics, đ→d, IME residue cleaned, no punctuation. */
export function normalize(text: string): string {
  const folded = foldDiacritics(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (folded === '') return '';
  return folded.split(' ').map(repairImeResidue).join(' ');
}

// Tone marks (NFD combining characters) → tone class. Hỏi and ngã share a class: they are the
// most common spelling confusion, so they must not decide between two words.
const TONE_CLASS: Record<string, string> = { '\u0300': 'f', '\u0301': 's', '\u0303': 'r', '\u0309': 'r', '\u0323': 'j' };
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

export interface Accent {
  /** normalize() of the word. */
  fold: string;
  /** Word without tone, keeping â ă ê ô ơ ư (đ folded to d). */
  shape: string;
  /** Tone class, '' for the level tone or when no tone was typed. */
  tone: string;
}

/** Accents of each word of a text, so "đóng" can be told from "đồng" although both fold to "dong". */
export function accents(text: string): Accent[] {
  return text
    .normalize('NFD')
    .toLowerCase()
    .split(/[^\p{L}\p{M}0-9]+/u)
    .filter((w) => w !== '')
    .map((w) => ({
      fold: normalize(w),
      shape: w.replace(TONE_MARKS, '').replace(/[đð]/g, 'd').normalize('NFC'),
      tone: TONE_CLASS[w.match(TONE_MARKS)?.[0] ?? ''] ?? '',
    }));
}

/**
 * Could the typed word be this catalogue word? A typed tone must match, and typed vowel shapes
 * (â ă ê ô ơ ư) must match; missing marks are forgiven (people often skip them).
 */
export function accentCompatible(typed: Accent, known: Accent): boolean {
  if (typed.tone !== '' && typed.tone !== known.tone) return false;
  return !/[âăêôơư]/.test(typed.shape) || typed.shape === known.shape;
}

// Colloquial, regional and abbreviated phrases → the words used in official names. Written with
// diacritics for readability; keys and values are normalised when the module loads. Longest key
// wins at each position, and rewriting is one pass (outputs are not rewritten again).
const SYNONYMS: Record<string, string[]> = {
  // Hộ tịch
  'khai sinh': ['khai sanh', 'ks', 'đẻ con', 'sinh con', 'mới sinh', 'mới đẻ', 'vừa sinh', 'vừa đẻ', 'sơ sinh', 'sinh em bé', 'đẻ em bé', 'sinh cháu', 'đẻ cháu'],
  'sinh': ['sanh'],
  'giấy khai sinh': ['gks', 'giấy sinh'],
  'đăng ký khai sinh': ['đkks'],
  'đăng ký': ['đk', 'đky', 'đki'],
  'ký': ['kí'],
  'kết hôn': ['cưới', 'cưới vợ', 'cưới chồng', 'lấy vợ', 'lấy chồng', 'lấy nhau', 'cưới xin', 'đám cưới', 'thành hôn', 'về chung một nhà'],
  'đăng ký kết hôn': ['đkkh'],
  'vợ': ['vk', 'bà xã'],
  'chồng': ['ck', 'ông xã'],
  'ly hôn': ['li hôn', 'ly dị', 'li dị'],
  'tình trạng hôn nhân': ['độc thân', 'chưa vợ', 'chưa chồng', 'chưa kết hôn', 'chưa lập gia đình', 'chưa có gia đình', 'xntthn'],
  'khai tử': ['chết', 'mất', 'qua đời', 'từ trần', 'tạ thế', 'tử vong', 'khuất núi', 'báo tử', 'chứng tử'],
  'thất lạc': ['làm mất', 'bị mất', 'đánh mất', 'đánh rơi', 'mất bản chính', 'mất sổ'],
  // Torn is not lost: a torn land certificate is exchanged, a lost one re-issued after public notice.
  'hư hỏng': ['bị rách', 'bị hỏng'],
  'người thân': ['ông nội', 'bà nội', 'ông ngoại', 'bà ngoại', 'cháu nội', 'cháu ngoại', 'em trai', 'em gái', 'anh trai', 'chị gái', 'họ hàng'],
  'con': ['con trai', 'con gái', 'con cái', 'đứa con', 'đứa bé'],
  'thất lạc giấy': ['mất giấy'],
  'sổ hộ tịch': ['sổ gốc'],
  'bản chính': ['bản gốc', 'gốc'],
  'cha mẹ': ['bố mẹ', 'ba mẹ', 'ba má', 'tía má', 'cha má'],
  'nhận cha': ['nhận bố', 'nhận ba', 'nhận tía'],
  'tên cha': ['tên bố', 'tên ba'],
  'nước ngoài': ['người nước ngoài', 'ngoại quốc', 'việt kiều', 'quốc tịch nước ngoài', 'hàn quốc', 'trung quốc', 'đài loan', 'nhật bản', 'hoa kỳ', 'campuchia', 'thái lan', 'singapore', 'ngoại kiều'],
  // Chứng thực
  'chứng thực': ['công chứng', 'thị thực'],
  'bản sao': ['photo', 'phô tô', 'pho to', 'photocopy', 'copy', 'bản chụp', 'sao chụp'],
  'chứng thực bản sao': ['sao y', 'sao y bản chính', 'chứng thực sao y'],
  'chữ ký': ['ký tên', 'kí tên'],
  'dịch': ['dịch thuật', 'phiên dịch', 'biên dịch', 'bản dịch'],
  // Cư trú
  'thường trú': ['hộ khẩu', 'sổ hộ khẩu', 'khẩu', 'ktt'],
  'nhập thường trú': ['nhập khẩu', 'nhập hộ khẩu', 'vào hộ khẩu', 'vào khẩu'],
  'chuyển thường trú': ['chuyển khẩu', 'chuyển hộ khẩu'],
  'xóa thường trú': ['cắt khẩu', 'cắt hộ khẩu', 'xóa khẩu', 'xóa hộ khẩu', 'rút khẩu', 'rút hộ khẩu', 'cắt thường trú'],
  'tách hộ': ['tách khẩu', 'tách hộ khẩu', 'tách sổ', 'tách sổ hộ khẩu', 'ra riêng hộ khẩu'],
  'tạm trú': ['ở trọ', 'thuê trọ', 'nhà trọ', 'phòng trọ', 'thuê phòng', 'ở ghép', 'ở nhờ', 'ở thuê', 'thuê nhà', 'kt3'],
  'xóa tạm trú': ['cắt tạm trú', 'hủy tạm trú'],
  'xóa đăng ký': ['hủy đăng ký', 'cắt đăng ký', 'bỏ đăng ký', 'rút đăng ký'],
  // Bảo trợ xã hội ("xã hội" kept as one token so the stop word "xã" does not eat it)
  'xahoi': ['xã hội'],
  'hangthang': ['hằng tháng', 'hàng tháng'],
  'trợ cấp người cao tuổi': ['tiền già', 'lương già', 'tiền người già', 'lương người già'],
  'người cao tuổi': ['người già', 'cụ già', 'ông bà già', 'tuổi già', 'người lớn tuổi', 'cao tuổi', 'già yếu'],
  'khuyết tật': ['tàn tật', 'tật nguyền', 'khiếm thị', 'khiếm thính', 'bại liệt', 'câm điếc', 'thiểu năng'],
  'mai táng': ['đám tang', 'đám ma', 'ma chay', 'tang lễ', 'chôn cất', 'an táng', 'hỏa táng', 'mai táng phí', 'tang ma'],
  'nghèo': ['khó khăn', 'hoàn cảnh khó khăn'],
  // Kinh doanh, xây dựng, đất đai
  'mở kinh doanh': ['mở quán', 'mở tiệm', 'mở cửa hàng', 'mở shop'],
  'kinh doanh': ['buôn bán', 'bán buôn', 'bán lẻ', 'bán hàng', 'làm ăn', 'kinh doanh cá thể', 'cửa hàng', 'quán ăn', 'quán nước', 'quán cà phê', 'quán cafe', 'quán nhậu', 'quán tạp hóa', 'tiệm tạp hóa', 'shop', 'ki ốt', 'kiot', 'kiốt'],
  'giấy phép kinh doanh': ['gpkd'],
  'đăng ký kinh doanh': ['đkkd'],
  'hộ kinh doanh': ['hkd'],
  'xây dựng nhà ở': ['xây nhà', 'cất nhà', 'dựng nhà', 'làm nhà', 'xây mới nhà', 'xây lại nhà', 'nâng tầng', 'cơi nới', 'sửa nhà', 'đổ mái'],
  'giấy phép xây dựng': ['gpxd', 'phép xây dựng', 'giấy phép xây'],
  'giấy chứng nhận quyền sử dụng đất': ['sổ đỏ', 'sổ hồng', 'bìa đỏ', 'bìa hồng', 'sổ đất', 'giấy đỏ', 'giấy hồng', 'gcnqsdđ', 'gcn qsdđ', 'bìa đất'],
  'quyền sử dụng đất': ['qsdđ'],
  'giấy chứng nhận': ['gcn'],
  'cấp giấy chứng nhận': ['làm sổ', 'cấp sổ', 'ra sổ', 'lên sổ', 'làm bìa', 'cấp bìa'],
  'tranh chấp': ['lấn đất', 'lấn chiếm', 'lấn ranh', 'giành đất', 'cãi nhau', 'xích mích', 'mâu thuẫn', 'kiện nhau', 'tranh giành'],
  // Topics outside this catalogue that share words with it ("giấy phép", "bảo", "xã hội"): one
  // token each, so they count as unknown instead of half-matching a procedure.
  'bhyt': ['bảo hiểm y tế', 'thẻ bảo hiểm y tế', 'thẻ bhyt'],
  'bhxh': ['bảo hiểm xã hội'],
  'dientu': ['điện tử'],
  'banglaixe': ['bằng lái xe', 'bằng lái', 'giấy phép lái xe', 'gplx'],
  'xemay': ['xe máy', 'xe ô tô', 'ô tô', 'xe hơi'],
  // Particles and filler phrases that contain meaningful words ("mất" = died, "sao" = copy,
  // "bao" = báo, "đâu" = đầu) are removed as whole phrases, before single stop words apply.
  '': [
    'mất điện', 'cúp điện', 'mất nước', 'mất sóng', 'mất mạng', 'mất bao lâu', 'mất bao nhiêu', 'mất bao nhiêu tiền', 'mất mấy ngày', 'mất phí', 'mất tiền', 'mất thời gian', 'mất công',
    'bao lâu', 'bao nhiêu', 'bao nhiêu tiền', 'bao giờ', 'bn tiền', 'ở đâu', 'đi đâu', 'chỗ nào', 'nơi nào', 'đâu ạ',
    'làm sao', 'ra sao', 'tại sao', 'vì sao', 'thế sao', 'sao vậy', 'thì sao', 'sao ạ', 'thế nào', 'như nào', 'như thế nào', 'ntn',
    'bạn ơi', 'các bạn', 'chào bạn', 'bạn trai', 'bạn gái', 'người yêu', 'cảm ơn', 'xin chào', 'chào ad',
    'thủ tục', 'hồ sơ', 'giấy tờ', 'quy trình', 'hướng dẫn', 'các bước', 'điều kiện', 'tờ khai', 'mẫu đơn', 'lệ phí', 'chi phí',
    'mở cửa', 'đóng cửa', 'giờ làm việc', 'làm việc', 'số điện thoại', 'điện thoại', 'địa chỉ',
    'bệnh viện', 'trạm y tế', 'nhà hộ sinh', 'huyện', 'thành phố', 'thị xã', 'thị trấn',
    'thứ nhất', 'thứ hai', 'thứ ba', 'thứ tư', 'đầu lòng', 'chính quyền',
    'công an', 'ủy ban', 'ubnd', 'nhân dân', 'một cửa', 'bộ phận', 'dịch vụ công', 'trực tuyến', 'qua mạng', 'online', 'vneid',
  ],
};

// Single filler words, after folding. Ambiguous folds are only listed when every reading is filler
// in a question ("can" = cần/căn, "de" = để/đẻ once "đẻ con" has been rewritten above).
const STOP_WORDS = new Set(
  (
    'a ah ak ad admin oi nhe nhi ha hen vay day the nao gi j can lam cho toi em minh mk anh chi co khong ko k kg hong ' +
    'bi voi vua de nop dem hoi chut xiu duoc dc phai nhung cac mot nay do ma di roi chua se da thi la va vs hay hoac neu nhu cua ve viec muon xin biet ' +
    'gium giup dum ben tai o ra len vao den sau khi truoc moi nua them vui long u uh ok oke bac ong ba ' +
    'nhieu may lau gio thang nam tuan hom mang phi tien le xa phuong mau'
  ).split(' '),
);

const phraseMap = new Map<string, string>();
for (const [canonical, variants] of Object.entries(SYNONYMS)) {
  for (const v of variants) phraseMap.set(normalize(v), normalize(canonical));
}
const PHRASE_RE = new RegExp(
  `(?<![a-z0-9])(?:${[...phraseMap.keys()].sort((a, b) => b.length - a.length).join('|')})(?![a-z0-9])`,
  'g',
);

/** Normalised, synonym-rewritten content words of a text (stop words and bare numbers removed). */
export function tokenize(text: string): string[] {
  return normalize(text)
    .replace(PHRASE_RE, (m) => phraseMap.get(m) ?? m)
    .split(' ')
    .filter((t) => t !== '' && !STOP_WORDS.has(t) && !/^\d+$/.test(t));
}
