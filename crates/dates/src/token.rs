//! One pass over the text: words (already classified by the lexicon), numbers and punctuation.
//!
//! The rules never look at raw bytes again, which is what makes the engine fast: a word is
//! classified once, by a `match` on its lowercase bytes, instead of by hundreds of regexes.

use crate::lang::Lang;
use crate::lexicon::{Lex, classify};
use crate::lexicons;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum TokenKind {
    Word {
        lex: Lex,
        cap: bool,
    },
    /// Plain digits.
    Num(Number),
    /// A number with thousands separators or decimals ("20,000", "3.5"): never a date.
    Figure,
    Punct(Punct),
}

/// A number written in plain digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Number {
    pub value: u32,
    /// How many digits it is written with: "06" has two.
    pub digits: u8,
    /// Written with an ordinal suffix: "2nd".
    pub ordinal: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Punct {
    Comma,
    Period,
    /// `-`, en or em dash, minus.
    Dash,
    Slash,
    Colon,
    Apostrophe,
    Copyright,
    /// A sentence end (`!`, `?`) or a line break: context never crosses it.
    Break,
    Money,
    Other,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Whitespace (or nothing) before it; "06-02" differs from "06 - 02" only here.
    pub space_before: bool,
}

impl Token {
    pub fn lex(&self) -> Option<Lex> {
        match self.kind {
            TokenKind::Word { lex, .. } => Some(lex),
            _ => None,
        }
    }

    pub fn punct(&self) -> Option<Punct> {
        match self.kind {
            TokenKind::Punct(p) => Some(p),
            _ => None,
        }
    }

    pub fn cap(&self) -> bool {
        matches!(self.kind, TokenKind::Word { cap: true, .. })
    }

    pub fn num(&self) -> Option<Number> {
        match self.kind {
            TokenKind::Num(n) => Some(n),
            _ => None,
        }
    }
}

/// Tokenizes `text` into `out` (cleared first, its allocation reused), classifying words by
/// the lexicon of `lang`.
pub(crate) fn tokenize_into(text: &str, lang: Lang, out: &mut Vec<Token>) {
    out.clear();
    let b = text.as_bytes();
    let mut i = 0;
    let mut space = true;
    let word_lex = |start: usize, end: usize| match lang {
        Lang::En => classify(&b[start..end]),
        _ => lexicons::classify(&text[start..end], lang),
    };
    while i < b.len() {
        let c = b[i];
        let start = i;
        // "18.03.2014": a day-first date, not the figure "18.03" (outside English).
        if lang != Lang::En
            && c.is_ascii_digit()
            && let Some(parts) = dotted_date(b, i)
        {
            for (k, (s, e)) in parts.into_iter().enumerate() {
                if k > 0 {
                    out.push(Token {
                        start: s - 1,
                        end: s,
                        kind: TokenKind::Punct(Punct::Period),
                        space_before: false,
                    });
                }
                out.push(Token {
                    start: s,
                    end: e,
                    kind: TokenKind::Num(Number {
                        value: b[s..e].iter().fold(0, |v, d| v * 10 + u32::from(d - b'0')),
                        digits: (e - s) as u8,
                        ordinal: false,
                    }),
                    space_before: k == 0 && space,
                });
            }
            i = parts[2].1;
            space = false;
            continue;
        }
        let kind = match c {
            b' ' | b'\t' | b'\r' => {
                i += 1;
                space = true;
                continue;
            }
            b'\n' => {
                i += 1;
                TokenKind::Punct(Punct::Break)
            }
            b'a'..=b'z' | b'A'..=b'Z' => {
                while i < b.len()
                    && (b[i].is_ascii_alphabetic() || b[i] >= 0x80 && letter_at(text, i))
                {
                    i += if b[i] < 0x80 { 1 } else { char_len(b[i]) };
                }
                TokenKind::Word {
                    lex: word_lex(start, i),
                    cap: c.is_ascii_uppercase(),
                }
            }
            b'0'..=b'9' => {
                let k = number(b, &mut i);
                french_ordinal(b, &mut i, k, lang)
            }
            _ if eastern_digit(b, i).is_some() => eastern_number(b, &mut i),
            _ if c >= 0x80 => {
                let ch = text[i..].chars().next().unwrap_or(' ');
                i += ch.len_utf8();
                match ch {
                    '\u{a0}' | '\u{2000}'..='\u{200b}' | '\u{202f}' => {
                        space = true;
                        continue;
                    }
                    '©' => TokenKind::Punct(Punct::Copyright),
                    '\u{2010}'..='\u{2015}' | '\u{2212}' => TokenKind::Punct(Punct::Dash),
                    '\u{2018}' | '\u{2019}' => TokenKind::Punct(Punct::Apostrophe),
                    '\u{2029}' | '\u{2028}' => TokenKind::Punct(Punct::Break),
                    '€' | '£' | '¥' => TokenKind::Punct(Punct::Money),
                    '،' => TokenKind::Punct(Punct::Comma),
                    '؛' | '؟' => TokenKind::Punct(Punct::Break),
                    c if c.is_alphabetic() => {
                        while i < b.len()
                            && (b[i].is_ascii_alphabetic()
                                || letter_at(text, i)
                                || joiner_at(text, i))
                        {
                            i += if b[i] < 0x80 { 1 } else { char_len(b[i]) };
                        }
                        TokenKind::Word {
                            lex: if lang == Lang::En {
                                Lex::Other
                            } else {
                                word_lex(start, i)
                            },
                            cap: c.is_uppercase(),
                        }
                    }
                    _ => TokenKind::Punct(Punct::Other),
                }
            }
            _ => {
                i += 1;
                TokenKind::Punct(match c {
                    b',' => Punct::Comma,
                    b'.' => Punct::Period,
                    b'-' => Punct::Dash,
                    b'/' => Punct::Slash,
                    b':' => Punct::Colon,
                    b'\'' => Punct::Apostrophe,
                    b'!' | b'?' | b';' => Punct::Break,
                    b'$' => Punct::Money,
                    _ => Punct::Other,
                })
            }
        };
        out.push(Token {
            start,
            end: i,
            kind,
            space_before: space,
        });
        space = false;
    }
}

/// A zero-width non-joiner inside a word ("سه‌شنبه"): part of the word.
fn joiner_at(text: &str, i: usize) -> bool {
    text.get(i..).is_some_and(|s| {
        let mut c = s.chars();
        c.next() == Some('\u{200c}') && c.next().is_some_and(char::is_alphabetic)
    })
}

/// The value of an Eastern Arabic (٠–٩) or Persian (۰–۹) digit at byte `i`.
fn eastern_digit(b: &[u8], i: usize) -> Option<u32> {
    match (b.get(i)?, b.get(i + 1)?) {
        (0xd9, d @ 0xa0..=0xa9) => Some(u32::from(d - 0xa0)),
        (0xdb, d @ 0xb0..=0xb9) => Some(u32::from(d - 0xb0)),
        _ => None,
    }
}

/// A number in Eastern Arabic or Persian digits; with a decimal or thousands separator (٫ ٬ . ,)
/// a figure.
fn eastern_number(b: &[u8], i: &mut usize) -> TokenKind {
    let start = *i;
    let mut value: u64 = 0;
    while let Some(d) = eastern_digit(b, *i) {
        value = value.saturating_mul(10).saturating_add(u64::from(d));
        *i += 2;
    }
    let digits = ((*i - start) / 2).min(255) as u8;
    let mut figure = false;
    loop {
        let sep = match (b.get(*i), b.get(*i + 1)) {
            (Some(0xd9), Some(0xab | 0xac)) => 2,
            (Some(b'.' | b','), _) => 1,
            _ => 0,
        };
        if sep == 0 || eastern_digit(b, *i + sep).is_none() {
            break;
        }
        figure = true;
        *i += sep;
        while eastern_digit(b, *i).is_some() {
            *i += 2;
        }
    }
    if figure {
        return TokenKind::Figure;
    }
    TokenKind::Num(Number {
        value: value.min(u64::from(u32::MAX)) as u32,
        digits,
        ordinal: false,
    })
}

/// French ordinal suffixes ("1er", "1re", "2e"), read as the ordinal the number is.
fn french_ordinal(b: &[u8], i: &mut usize, k: TokenKind, lang: Lang) -> TokenKind {
    let TokenKind::Num(mut n) = k else { return k };
    if lang != Lang::Fr || n.ordinal {
        return k;
    }
    let rest = &b[*i..];
    for suffix in [&b"er"[..], b"re", b"e"] {
        if rest.starts_with(suffix)
            && !rest
                .get(suffix.len())
                .is_some_and(u8::is_ascii_alphanumeric)
        {
            *i += suffix.len();
            n.ordinal = true;
            return TokenKind::Num(n);
        }
    }
    k
}

/// The three digit runs of a day-first dotted date at `i` ("18.03.2014", "1.6.15"), as byte
/// ranges, when the text there is one.
fn dotted_date(b: &[u8], i: usize) -> Option<[(usize, usize); 3]> {
    let run = |at: usize| {
        let n = b[at.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        (at, at + n)
    };
    if i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'.') {
        return None;
    }
    let d = run(i);
    let m = run(d.1 + 1);
    let y = run(m.1 + 1);
    let ok = (1..=2).contains(&(d.1 - d.0))
        && b.get(d.1) == Some(&b'.')
        && (1..=2).contains(&(m.1 - m.0))
        && b.get(m.1) == Some(&b'.')
        && matches!(y.1 - y.0, 2 | 4)
        && !b.get(y.1).is_some_and(|c| c.is_ascii_alphanumeric())
        && !(b.get(y.1) == Some(&b'.') && b.get(y.1 + 1).is_some_and(u8::is_ascii_digit));
    ok.then_some([d, m, y])
}

fn char_len(lead: u8) -> usize {
    match lead {
        0xf0.. => 4,
        0xe0.. => 3,
        _ => 2,
    }
}

/// Whether the (non-ASCII) character at byte `i` is a letter; false on a non-boundary.
fn letter_at(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_alphabetic)
}

fn number(b: &[u8], i: &mut usize) -> TokenKind {
    let start = *i;
    let mut value: u64 = 0;
    while *i < b.len() && b[*i].is_ascii_digit() {
        value = value
            .saturating_mul(10)
            .saturating_add(u64::from(b[*i] - b'0'));
        *i += 1;
    }
    let digits = (*i - start).min(255) as u8;
    // "20,000" and "3.5" are figures; "2015." at a sentence end is not.
    let mut figure = false;
    while *i + 1 < b.len()
        && match b[*i] {
            b',' => b
                .get(*i + 1..*i + 4)
                .is_some_and(|s| s.iter().all(u8::is_ascii_digit)),
            b'.' => b[*i + 1].is_ascii_digit(),
            _ => false,
        }
    {
        figure = true;
        *i += 1;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
    }
    if figure {
        return TokenKind::Figure;
    }
    // Ordinal suffixes: 1st 2nd 3rd 4th; "8pm" and "12h" are letters the rules read as words.
    let rest = &b[*i..];
    let ordinal = rest.len() >= 2
        && matches!(
            [rest[0].to_ascii_lowercase(), rest[1].to_ascii_lowercase()],
            [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
        )
        && !rest.get(2).is_some_and(u8::is_ascii_alphanumeric);
    if ordinal {
        *i += 2;
    }
    TokenKind::Num(Number {
        value: value.min(u64::from(u32::MAX)) as u32,
        digits,
        ordinal,
    })
}
