// Emoticons and emoji, read as what they say: a few tokens, so that ":)))", "=))" and "🤣" weigh the
// same in a model and a count. Add a form to the right list; the analyser builds its pattern from them.

export const EMO = {
  positive: "<emo_pos>",
  negative: "<emo_neg>",
  /** Laughing, often at someone: ":))", "=))", ":v", "😂". */
  laugh: "<emo_laugh>",
  /** Any other emoji. */
  other: "<emo>",
} as const;

export type EmoToken = (typeof EMO)[keyof typeof EMO];

const NOT_AFTER_WORD = "(?![\\p{L}\\p{N}])";

/** Emoticon patterns (regular expression sources over lower-cased text), longest readings first. */
export const EMOTICONS: readonly (readonly [source: string, token: EmoToken])[] = [
  ["[:=]-?[)\\]]{2,}", EMO.laugh],
  [`:v${NOT_AFTER_WORD}`, EMO.laugh],
  [`x-?d+${NOT_AFTER_WORD}`, EMO.laugh],
  ["[:=;]-?[)\\]]", EMO.positive],
  [`[:=]-?d+${NOT_AFTER_WORD}`, EMO.positive],
  [`[:;]-?p${NOT_AFTER_WORD}`, EMO.positive],
  [":-?3(?!\\d)", EMO.positive],
  [":>+", EMO.positive],
  ["\\^[_.-]?\\^", EMO.positive],
  ["<3+", EMO.positive],
  ["[:=]'?-?[([]+", EMO.negative],
  ["<\\/3", EMO.negative],
  ["t[_.]t(?!\\p{L})", EMO.negative],
  ["-_+-", EMO.negative],
  [":-?\\|", EMO.negative],
  [":-?\\/(?![/\\p{L}])", EMO.negative],
  [":<+", EMO.negative],
  [`:-?o${NOT_AFTER_WORD}`, EMO.other],
  ["o[_.]o(?!\\p{L})", EMO.other],
];

const EMOJI_GROUPS: readonly (readonly [characters: string, token: EmoToken])[] = [
  ["🙂😊😀😃😄😁😍🥰😘😗😙😚☺😇🤗🤩😋😎😌👍👏🙌💪👌🙏✌❤♥💕💖💗💓💞💘💙💚💛🧡💜🤍🌹🌸💐🎉🥳💯", EMO.positive],
  ["😂🤣😆😅😹🤭😏😜😝😛🤪", EMO.laugh],
  ["😞😔😟😕🙁☹😣😖😫😩😢😭😤😠😡🤬👎💔😒🙄😑😐🤮🤢💩🖕😱😨😰😓😪😥🥺🤦😬😳", EMO.negative],
];

/** Each emoji the lists name, by its first code point. */
export const EMOJI: ReadonlyMap<number, EmoToken> = new Map(
  EMOJI_GROUPS.flatMap(([characters, token]) =>
    [...characters].map((character) => [character.codePointAt(0)!, token] as const),
  ),
);

/**
 * Words the UIT-VSFC corpus wrote in place of emoticons and punctuation (`colonsmile` for ":)"), so a
 * model trained on it reads a resident's ":)" the same way.
 */
export const CORPUS_WORDS: Readonly<Record<string, string>> = {
  colonsmile: EMO.positive,
  colonbigsmile: EMO.positive,
  colonsmallsmile: EMO.positive,
  colonlove: EMO.positive,
  colonsmilesmile: EMO.laugh,
  colonhihi: EMO.laugh,
  colonsad: EMO.negative,
  colonsadcolon: EMO.negative,
  coloncontemn: EMO.negative,
  colonsurprise: EMO.other,
  colondoublesurprise: EMO.other,
  coloncolon: ":",
  doubledot: ":",
  dotdotdot: "…",
};
