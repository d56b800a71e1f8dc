// English questions and the procedure (or referral) each should find first, whatever the UI
// language: residents who do not read Vietnamese, foreign spouses, overseas Vietnamese. Mixed
// styles on purpose: full questions, keywords, typos, British and American spelling, lower case.
//
// ENGLISH_BLIND_1 was written before the catalogue had English names and kept as written.

const KHAI_SINH = '1.001193';
const KS_NHAN_CHA = '1.000689';
const KET_HON = '1.000894';
const KHAI_TU = '1.000656';
const HON_NHAN = '1.004873';
const TRICH_LUC = '2.000635';
const NHAN_CHA = 'HT-nhan-cha-me-con';
const CAI_CHINH = 'HT-thay-doi-cai-chinh-ho-tich';
const GIAM_HO = 'HT-dang-ky-giam-ho';
const KS_NN = '2.000528';
const KH_NN = '2.000806';
const BAN_SAO = '2.000815';
const CHU_KY = '2.000884';
const HOP_DONG = 'CT-chung-thuc-hop-dong-giao-dich';
const NGUOI_DICH = '2.000992';
const THUONG_TRU = '1.004222';
const TAM_TRU = '1.004194';
const GIA_HAN_TT = '1.002755';
const XOA_THUONG_TRU = '1.003197';
const TACH_HO = '1.010038';
const XAC_NHAN_CU_TRU = 'CU-xac-nhan-thong-tin-cu-tru';
const TRO_CAP = '1.001776';
const MAI_TANG = '1.001731';
const KHUYET_TAT = '1.001699';
const HO_NGHEO = '1.011606';
const HO_KINH_DOANH = 'KD-thanh-lap-ho-kinh-doanh';
const XAY_DUNG = '1.013225';
const DAT_DAI = '1.012753';
const HOA_GIAI = 'HG-hoa-giai-tranh-chap-dat-dai';

export const ENGLISH_BLIND_1: [question: string, expectedCode: string][] = [
  ['How do I register the birth of my baby?', KHAI_SINH],
  ['birth registration', KHAI_SINH],
  ['birth certificate for my newborn son', KHAI_SINH],
  ['What documents do I need to register my daughter\'s birth?', KHAI_SINH],
  ['my wife just gave birth, what paperwork do we need', KHAI_SINH],
  ['birth registraton', KHAI_SINH],
  ['register birth and recognise the father at the same time', KS_NHAN_CHA],
  ['birth registration with paternity recognition', KS_NHAN_CHA],
  ['How can I register my marriage?', KET_HON],
  ['marriage registration', KET_HON],
  ['we want to get married, where do we register', KET_HON],
  ['marriage certificate requirements', KET_HON],
  ['I want to marry a Vietnamese woman, I am a foreigner', KH_NN],
  ['marriage registration with a foreign national', KH_NN],
  ['my father passed away, how do I register the death', KHAI_TU],
  ['death registration', KHAI_TU],
  ['death certificate for my grandmother', KHAI_TU],
  ['certificate of marital status', HON_NHAN],
  ['I need a certificate that I am single', HON_NHAN],
  ['proof of single status to get married abroad', HON_NHAN],
  ['copy of my birth certificate, I lost the original', TRICH_LUC],
  ['extract of civil status records', TRICH_LUC],
  ['recognition of a father for my child', NHAN_CHA],
  ['how to recognise paternity', NHAN_CHA],
  ['correct a mistake in my birth certificate', CAI_CHINH],
  ['change my child\'s name', CAI_CHINH],
  ['my name is spelled wrong on the birth certificate', CAI_CHINH],
  ['register as guardian of my orphaned nephew', GIAM_HO],
  ['guardianship registration', GIAM_HO],
  ['register the birth of a child whose father is American', KS_NN],
  ['birth registration for a child with a foreign parent', KS_NN],
  ['certified copy of my passport', BAN_SAO],
  ['how much does it cost to certify copies of documents', BAN_SAO],
  ['notarize a photocopy of my degree', BAN_SAO],
  ['certify my signature', CHU_KY],
  ['signature authentication', CHU_KY],
  ['certify a contract for selling land', HOP_DONG],
  ['authenticate a contract', HOP_DONG],
  ['certify the translator signature on a translation', NGUOI_DICH],
  ['certification of a translation', NGUOI_DICH],
  ['permanent residence registration', THUONG_TRU],
  ['how do I register my permanent address here', THUONG_TRU],
  ['temporary residence registration', TAM_TRU],
  ['I am renting a room, do I need to register temporary residence?', TAM_TRU],
  ['extend my temporary residence', GIA_HAN_TT],
  ['temporary residence extension', GIA_HAN_TT],
  ['remove permanent residence registration', XOA_THUONG_TRU],
  ['split a household into a new one', TACH_HO],
  ['separate household registration', TACH_HO],
  ['confirmation of residence information', XAC_NHAN_CU_TRU],
  ['I need a paper confirming where I live', XAC_NHAN_CU_TRU],
  ['monthly social allowance for elderly people', TRO_CAP],
  ['social assistance for my disabled mother', TRO_CAP],
  ['funeral allowance', MAI_TANG],
  ['support for burial costs', MAI_TANG],
  ['disability assessment', KHUYET_TAT],
  ['determine the level of disability for my son', KHUYET_TAT],
  ['poor household certification', HO_NGHEO],
  ['how to be recognised as a near-poor household', HO_NGHEO],
  ['register a household business', HO_KINH_DOANH],
  ['I want to open a small shop, how do I register', HO_KINH_DOANH],
  ['business registration for a family cafe', HO_KINH_DOANH],
  ['building permit for my house', XAY_DUNG],
  ['do I need a permit to build a house', XAY_DUNG],
  ['construction permit', XAY_DUNG],
  ['land use right certificate for the first time', DAT_DAI],
  ['how do I get a red book for my land', DAT_DAI],
  ['land registration', DAT_DAI],
  ['mediation of a land dispute with my neighbour', HOA_GIAI],
  ['land dispute', HOA_GIAI],
];

// Written after tuning on ENGLISH_BLIND_1, to check it; includes the new procedures and referrals.
export const ENGLISH_BLIND_2: [question: string, expectedCode: string][] = [
  ['adopt a child', 'NCN-nuoi-con-nuoi-trong-nuoc'],
  ['how can we adopt my wife\'s son', 'NCN-nuoi-con-nuoi-trong-nuoc'],
  ['I lost my red book', '1.012786'],
  ['my land certificate is torn', '1.012783'],
  ['transfer land to my son', '1.013831'],
  ['register a mortgage on my land', '1.011441'],
  ['change farmland to residential land', 'DD-chuyen-muc-dich-su-dung-dat'],
  ['close my household business', 'KD-cham-dut-ho-kinh-doanh'],
  ['suspend my shop for a few months', 'KD-tam-ngung-ho-kinh-doanh'],
  ['licence to sell alcohol', 'KD-giay-phep-ban-le-ruou'],
  ['temporary absence declaration', 'CU-khai-bao-tam-vang'],
  ['a friend is staying at my house for a few days, do I need to report it', 'CU-thong-bao-luu-tru'],
  ['health insurance card for my baby', '2.000986'],
  ['allowance for the family of a martyr', 'NCC-tro-cap-than-nhan-liet-si'],
  ['certify a will', 'CT-chung-thuc-di-chuc'],
  ['inheritance division agreement', 'CT-thoa-thuan-phan-chia-di-san'],
  ['how do I get an ID card', 'REF-CCCD'],
  ['renew my passport', 'REF-HO-CHIEU'],
  ['I want a divorce, my wife agrees', 'REF-LY-HON-THUAN-TINH'],
  ['where do I pay personal income tax', 'REF-THUE-TNCN'],
  ['withdraw my social insurance in one go', 'REF-BHXH-MOT-LAN'],
  ['maternity benefit', 'REF-THAI-SAN'],
  ['criminal record certificate', 'REF-LY-LICH-TU-PHAP'],
  ['register for military service', 'REF-NGHIA-VU-QUAN-SU'],
  ['enrol my child in grade 1', 'REF-TUYEN-SINH'],
  ['register my motorbike', 'REF-DANG-KY-XE'],
  ['renew driving licence', 'REF-GPLX'],
  ['get married to a foreigner', '2.000806'],
  ['my mother died, who pays for the funeral', '1.001731'],
  ['record my divorce from abroad in Vietnam', 'HT-ghi-chu-ly-hon'],
];

/** Every batch, measured together. */
export const ENGLISH_QUESTIONS: [question: string, expectedCode: string][] = [...ENGLISH_BLIND_1, ...ENGLISH_BLIND_2];
