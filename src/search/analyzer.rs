//! The one analyzer: text → folded, stemmed terms with their byte offsets in the text. The
//! index, the query and the snippet all read text through it, so what a query word matches is
//! exactly what the index holds.
//!
//! Words are runs of letters, digits and combining marks (an apostrophe between two letters
//! stays inside: "Iran's", "Ba'ath"); a Chinese, Japanese or Thai character is a word of its
//! own, as those scripts write no spaces. Each word is folded (`fold`), then stemmed for English.

use tantivy::tokenizer::{Language, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The analyzer's name in tantivy's tokenizer manager.
pub const NAME: &str = "dossier";

/// Terms longer than this (a URL, a run of digits) are not indexed: nobody searches them whole.
const MAX_TERM_BYTES: usize = 80;

pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(Words)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// One analysed word: its term and where it is in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Every term of `text`, in order.
pub fn terms(text: &str) -> Vec<Term> {
    let mut a = analyzer();
    let mut stream = a.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let t = stream.token();
        out.push(Term {
            text: t.text.clone(),
            start: t.offset_from,
            end: t.offset_to,
        });
    }
    out
}

/// Case, diacritic and compatibility folding, for every script, and the spelling variants of
/// Arabic and Persian that one person types one way and another the other way: alef with
/// hamza or madda → alef, alef maksura and Persian yeh → yeh, keheh → kaf, teh marbuta → heh;
/// tatweel, joiners and harakat dropped; Arabic-Indic digits → ASCII. The possessive "'s" and
/// apostrophes inside a word go ("Iran's" → "iran", "Ba'ath" → "baath").
pub fn fold(word: &str, out: &mut String) {
    out.clear();
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word);
    for c in word.nfkd() {
        for c in c.to_lowercase() {
            if is_combining_mark(c) && !keeps_marks(c) {
                continue;
            }
            match c {
                '\'' | '\u{2019}' | '\u{0640}' | '\u{200c}' | '\u{200d}' => {}
                'ß' => out.push_str("ss"),
                'ς' => out.push('σ'),
                '\u{0671}' | '\u{0672}' | '\u{0673}' | '\u{0675}' => out.push('\u{0627}'),
                '\u{0649}' | '\u{06cc}' | '\u{06d2}' => out.push('\u{064a}'),
                '\u{06a9}' | '\u{06aa}' => out.push('\u{0643}'),
                '\u{0629}' | '\u{06d5}' | '\u{06c1}' => out.push('\u{0647}'),
                '\u{0660}'..='\u{0669}' => out.push(char::from(b'0' + (c as u32 - 0x0660) as u8)),
                '\u{06f0}'..='\u{06f9}' => out.push(char::from(b'0' + (c as u32 - 0x06f0) as u8)),
                c => out.push(c),
            }
        }
    }
}

/// Scripts whose combining marks are vowels, not accents (Indic, Thai, Lao, Tibetan, Myanmar,
/// Khmer): dropping them would join different words.
fn keeps_marks(c: char) -> bool {
    matches!(c as u32, 0x0900..=0x109f | 0x1780..=0x17ff)
}

/// A character of a script written without spaces: each is a word of its own.
fn unspaced(c: char) -> bool {
    matches!(c as u32,
        0x0e00..=0x0eff // Thai, Lao
        | 0x3040..=0x30ff // Hiragana, Katakana
        | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff // Han
        | 0x20000..=0x2fa1f)
}

fn in_word(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || matches!(c, '\u{0640}' | '\u{200c}' | '\u{200d}')
}

fn apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// The word tokenizer: words folded, offsets in the original text.
#[derive(Clone)]
struct Words;

struct WordStream<'a> {
    text: &'a str,
    at: usize,
    token: Token,
    position: usize,
}

impl Tokenizer for Words {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        WordStream {
            text,
            at: 0,
            token: Token::default(),
            position: 0,
        }
    }
}

impl WordStream<'_> {
    /// The next word's byte range from `self.at`, if any.
    fn next_word(&mut self) -> Option<(usize, usize)> {
        let rest = &self.text[self.at..];
        let mut chars = rest.char_indices().peekable();
        let start = loop {
            let (i, c) = chars.next()?;
            if unspaced(c) {
                let end = self.at + i + c.len_utf8();
                let start = self.at + i;
                self.at = end;
                return Some((start, end));
            }
            if in_word(c) && !is_combining_mark(c) {
                break i;
            }
        };
        let mut end = rest.len();
        while let Some((i, c)) = chars.next() {
            if in_word(c) && !unspaced(c) {
                continue;
            }
            // An apostrophe between two letters is part of the word.
            if apostrophe(c) && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric()) {
                continue;
            }
            end = i;
            break;
        }
        let (start, end) = (self.at + start, self.at + end);
        self.at = end;
        Some((start, end))
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some((start, end)) = self.next_word() {
            fold(&self.text[start..end], &mut self.token.text);
            if self.token.text.is_empty() || self.token.text.len() > MAX_TERM_BYTES {
                continue;
            }
            self.token.offset_from = start;
            self.token.offset_to = end;
            self.token.position = self.position;
            self.position += 1;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<String> = terms(text).into_iter().map(|t| t.text).collect();
        assert_eq!(got, expected, "{text:?}");
    }

    #[test]
    fn english_words_are_stemmed_and_lowercased() {
        check("Started EVACUATING", &["start", "evacu"]);
        check("evacuate evacuation", &["evacu", "evacu"]);
        check("Iran's forces", &["iran", "forc"]);
    }

    #[test]
    fn case_and_diacritics_fold_in_every_script() {
        check("Café Straße", &["cafe", "strass"]);
        check("Ελληνικός ΛΌΓΟΣ", &["ελληνικοσ", "λογοσ"]);
        check("Šoigu Čeljabinsk", &["soigu", "celjabinsk"]);
        check("ＡＢＣ ﬁre", &["abc", "fire"]);
    }

    #[test]
    fn arabic_and_persian_variants_fold_to_one_spelling() {
        let one = |a: &str, b: &str| {
            assert_eq!(
                terms(a).iter().map(|t| &t.text).collect::<Vec<_>>(),
                terms(b).iter().map(|t| &t.text).collect::<Vec<_>>(),
                "{a} ~ {b}"
            );
        };
        // Alef with hamza or madda, alef wasla.
        one("أحمد", "احمد");
        one("إسلام", "اسلام");
        one("آمن", "امن");
        one("ٱلله", "الله");
        // Persian yeh and keheh against the Arabic letters; alef maksura.
        one("ایران", "ايران");
        one("کرمان", "كرمان");
        one("مصطفى", "مصطفي");
        // Teh marbuta, tatweel, harakat, ZWNJ.
        one("مدرسة", "مدرسه");
        one("قـــدس", "قدس");
        one("قُدْس", "قدس");
        one("می\u{200c}خواهم", "میخواهم");
        // Digits.
        one("١٢٣ ۴۵", "123 45");
    }

    #[test]
    fn words_split_on_punctuation_but_keep_inner_apostrophes() {
        check("al-Quds, 'Ba'ath'", &["al", "qud", "baath"]);
        check("1,200 km", &["1", "200", "km"]);
    }

    #[test]
    fn unspaced_scripts_give_one_term_per_character() {
        check("北京市", &["北", "京", "市"]);
    }

    #[test]
    fn offsets_are_the_words_bytes_in_the_text() {
        let text = "  Ça va, Soleimani!";
        let ts = terms(text);
        let words: Vec<&str> = ts.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(words, ["Ça", "va", "Soleimani"]);
    }

    #[test]
    fn marks_alone_and_overlong_runs_give_no_term() {
        check("\u{0301}\u{0301} \u{200c}", &[]);
        check(&"x".repeat(200), &[]);
    }
}
