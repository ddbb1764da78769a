// Chat abbreviations and teen code, written out. One entry per written form (lower case, letters
// repeated 3+ times already collapsed); the value may be several words. Only safe readings are here:
// a form with two common meanings (`bn`: bao nhiêu or bạn; `mk`: mình or mật khẩu; `đk`: được, điều
// kiện or đăng ký; `t`, `m`, `e`, `a`: pronouns or letters) is left as written, and the models learn it.

export const TEEN_CODE: Readonly<Record<string, string>> = {
  // không
  k: "không",
  ko: "không",
  kh: "không",
  khg: "không",
  kg: "không",
  kô: "không",
  hok: "không",
  hông: "không",
  khum: "không",
  khôg: "không",
  // được
  dc: "được",
  đc: "được",
  dk: "được",
  đx: "được",
  // gì, vậy, rồi
  j: "gì",
  z: "vậy",
  v: "vậy",
  r: "rồi",
  rùi: "rồi",
  // people
  mn: "mọi người",
  mng: "mọi người",
  ng: "người",
  ngta: "người ta",
  ae: "anh em",
  mik: "mình",
  mjk: "mình",
  // small words
  vs: "với",
  cx: "cũng",
  cg: "cũng",
  lun: "luôn",
  thui: "thôi",
  wa: "quá",
  qá: "quá",
  ak: "à",
  ntn: "như thế nào",
  trc: "trước",
  ms: "mới",
  đag: "đang",
  dag: "đang",
  nhìu: "nhiều",
  bjo: "bây giờ",
  bgio: "bây giờ",
  bh: "bây giờ",
  hnay: "hôm nay",
  bik: "biết",
  bjk: "biết",
  thik: "thích",
  iu: "yêu",
  // things
  sđt: "số điện thoại",
  sdt: "số điện thoại",
  đt: "điện thoại",
  sv: "sinh viên",
  hs: "học sinh",
  kq: "kết quả",
  // thanks and agreement
  tks: "cảm ơn",
  thanks: "cảm ơn",
  thank: "cảm ơn",
  thx: "cảm ơn",
  oke: "ok",
  okê: "ok",
  okie: "ok",
  oki: "ok",
  okela: "ok",
  okay: "ok",
};

/** Units written after a number (`50 k` is fifty thousand, not "50 không"): left as written there. */
export const UNITS_AFTER_NUMBER: ReadonlySet<string> = new Set(["k", "tr", "m", "h", "đ", "d"]);
