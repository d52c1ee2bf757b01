/**
 * Datelines of Japanese, Korean and Chinese agencies, read by import (the wire) and by round detection
 * (the reporter's city and day): "【CITY=AGENCY】" and "(CITY=AGENCY)" opening a lead, and the Chinese
 * "AGENCY社CITY3月6日电" (an agency's name ends in 社). A picture's credit in the first form
 * ("(사진=…)", "【写真=…】") is no dateline.
 *
 *   cjkDateline('【ジュネーブ=共同】両国は…') // { city: 'ジュネーブ', agency: '共同', day: null, length: 10 }
 */
export interface CjkDateline {
  city: string
  agency: string
  /** "3月6日" where the dateline gives its day (the Chinese form). */
  day: string | null
  /** Characters of the line the dateline takes. */
  length: number
}

// The city may be two letters ("서울"), never a figure.
const BRACKETED = /^\s*[【(（［[]\s*([^\s=＝【】()（）［\]\d]{2,20}?)\s*[=＝]\s*([^【】()（）［\]\n=＝]{1,20}?)\s*[】)）］\]]/u
const HAN = /^\s*([\u4e00-\u9fff]{1,4}社)([\u4e00-\u9fff]{2,6}?)(\d{1,2}月\d{1,2}日)电/u
const PICTURE_CREDIT = /^(?:사진|그래픽|영상|写真|画像|図|图|照片|图片|視覚)/u

export function cjkDateline(line: string): CjkDateline | null {
  const b = BRACKETED.exec(line)
  if (b)
    return PICTURE_CREDIT.test(b[1] as string) ? null : { city: b[1] as string, agency: b[2] as string, day: null, length: b[0].length }
  const h = HAN.exec(line)
  return h ? { city: h[2] as string, agency: h[1] as string, day: h[3] as string, length: h[0].length } : null
}
