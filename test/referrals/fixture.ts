// One valid referral row; tests spread it and change one thing.
export const validReferral = {
  code: 'REF-CCCD',
  name: 'Cấp thẻ căn cước',
  nameEn: 'Identity card',
  agency: 'Công an',
  where: 'Công an cấp tỉnh',
  online: 'Có',
  aliases: ['làm căn cước'],
  source: 'Luật Căn cước 2023',
};
