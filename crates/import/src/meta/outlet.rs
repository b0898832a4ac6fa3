//! Outlets in a clipped text: mastheads, menus, "Source:" and "via" lines, copyright holders.

use std::sync::LazyLock;

use dossier_model::Found;
use regex::Regex;

static SOURCE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:source)\s*:\s*(.{2,60})$").unwrap());

static VIA_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\p{Lu}[\p{L}&.'’-]*(?: \p{Lu}[\p{L}&.'’-]*){0,4}) via (\p{Lu}[\p{L}&.'’ -]{1,40}?):",
    )
    .unwrap()
});

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:©|\(c\)|(?i:copyright))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(\p{Lu}[\p{L}&.'’ -]{1,50}?)(?:,?\s+(?:LLC|Inc|Ltd|Limited|GmbH|S\.A|plc)\.?)?\s*(?:\d{4}|All rights|$|\s{2}|\s+About\b)").unwrap()
});

/// A site's own promotion block names the site: "Trending on PJ Media Videos", "More from The
/// Harbour Herald", "Most read on Valley Times".
static SITE_PROMO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:Trending|More|Latest|Most [Rr]ead|Most [Pp]opular|Popular|Top [Ss]tories|Also|Elsewhere) (?:on|from|at|in) (\p{Lu}[\p{L}\p{N}&.'’-]*(?: \p{Lu}[\p{L}\p{N}&.'’-]*){0,3}?)(?: (?:Videos?|Podcasts?|Newsletters?|Stories|Articles|Today))?:?$",
    )
    .unwrap()
});

/// The outlet a site's promotion line names (kept or removed as chrome): a weak signal, used
/// only when nothing else names the outlet.
pub(super) fn site_promo_outlet(t: &str) -> Option<Found<String>> {
    let c = SITE_PROMO.captures(t)?;
    let name = c[1].trim();
    (!name.eq_ignore_ascii_case("the"))
        .then(|| Found::by_rule(name.to_string(), "text:site-promo", 0.4).with_evidence(t))
}

/// Words that end an outlet's name often enough to tell "ARA News" from a headline.
const OUTLET_WORDS: [&str; 14] = [
    "News", "Times", "Post", "Agency", "Magazine", "Journal", "Herald", "Tribune", "Daily",
    "Press", "Gazette", "Review", "Monitor", "Online",
];

/// A menu line: "Home  News  Shipping  Opinion", "WORLD | SHIPPING" — short capitalised items
/// separated by bars, bullets or wide spaces.
pub(super) fn is_menu(t: &str) -> bool {
    let items: Vec<&str> = t
        .split(['|', '·', '•', '»', '›'])
        .flat_map(|p| p.split("  "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // The separators are not words: "Top stories | Markets | Belmora" is three items of four
    // words (counting the bars as words made every three-item menu with one two-word item prose).
    let words: usize = items.iter().map(|p| p.split_whitespace().count()).sum();
    items.len() >= 2
        && items.len() * 2 > words
        && items.iter().all(|p| {
            p.split_whitespace().count() <= 2
                && p.chars().next().is_some_and(|c| c.is_uppercase())
                && !p.ends_with(['.', '?', '!'])
        })
}

/// The outlet a masthead line names: "Harbor Ledger | Port Alder's newspaper since 1911" or an
/// all-capitals "THE TARSANE DAILY COURIER" (returned in title case).
pub(super) fn masthead_outlet(t: &str) -> Option<String> {
    // "Home | World | Business": a menu's first item is not a masthead.
    if let Some((name, tagline)) = t.split_once(" | ")
        && !tagline.contains('|')
        && !is_menu(t)
        && name.split_whitespace().count() <= 4
        && tagline.split_whitespace().count() >= 3
        && name
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return Some(name.trim().to_string());
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let capitals = t.chars().any(char::is_alphabetic)
        && t.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    (capitals && (2..=5).contains(&words.len()) && !t.contains('|')).then(|| {
        words
            .iter()
            .map(|w| title_case(w))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// The outlet a masthead names when it stands alone above the site's navigation
/// ("NORTHSTAR" or "Voice of Ardent" over "Top stories | Markets"): a name of at most four
/// words, each capitalised but for the small words inside names, with no sentence punctuation.
/// All capitals are returned in title case.
pub(super) fn name_above_menu(t: &str) -> Option<String> {
    const INNER: [&str; 8] = ["of", "the", "and", "for", "de", "du", "al", "la"];
    let words: Vec<&str> = t.split_whitespace().collect();
    let named = (1..=4).contains(&words.len())
        && !t.ends_with(['.', '?', '!', ':', ','])
        && words.iter().enumerate().all(|(k, w)| {
            w.chars().next().is_some_and(char::is_uppercase) || k > 0 && INNER.contains(w)
        })
        && t.chars().any(char::is_alphabetic);
    if !named {
        return None;
    }
    let all_caps = t
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    Some(if all_caps {
        words
            .iter()
            .map(|w| title_case(w))
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        t.to_string()
    })
}

fn title_case(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut c = lower.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

/// Outlet named by a "Source: X", "X via Y:" or copyright line.
pub(super) fn outlet_from_line(t: &str) -> Option<Found<String>> {
    if let Some(c) = SOURCE_LINE.captures(t) {
        return Some(Found::by_rule(
            c[1].trim().to_string(),
            "text:source-line",
            0.6,
        ));
    }
    if let Some(c) = VIA_PREFIX.captures(t) {
        return Some(Found::by_rule(c[1].to_string(), "text:via-prefix", 0.6).with_evidence(&c[0]));
    }
    if let Some(c) = COPYRIGHT.captures(t) {
        let name = c[1].trim().trim_end_matches([',', '.']).trim();
        // The holder is the company; the outlet is its title ("© Cinderbox Publishing").
        let name = [
            " LLC",
            " Inc",
            " Ltd",
            " Publishing Group",
            " Publishing",
            " Publications",
            " Publishers",
        ]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .unwrap_or(name);
        return Some(
            Found::by_rule(name.to_string(), "text:copyright-holder", 0.5).with_evidence(t),
        );
    }
    None
}

/// A short line naming a publication: either it ends with a news word or the text names it again
/// as a source ("Source: ARA News", "Araz News via Telegraph").
pub(super) fn is_outlet_line(t: &str, text: &str) -> bool {
    let capitalised = t.split_whitespace().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    if !capitalised || t.ends_with(['?', '!', '.']) {
        return false;
    }
    let named_again = [
        format!("Source: {t}"),
        format!("{t} via "),
        format!("© {t}"),
    ]
    .iter()
    .any(|p| text.contains(p.as_str()));
    named_again || OUTLET_WORDS.iter().any(|w| t.ends_with(w)) && t.split_whitespace().count() <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sites_promotion_line_names_it() {
        let name = |t: &str| site_promo_outlet(t).map(|f| f.value);
        assert_eq!(
            name("Trending on Harbour Post Videos").as_deref(),
            Some("Harbour Post")
        );
        assert_eq!(
            name("More from The Valley Herald").as_deref(),
            Some("The Valley Herald")
        );
        assert_eq!(
            name("Most read on Kessel Times").as_deref(),
            Some("Kessel Times")
        );
        assert_eq!(name("More from this author"), None);
        assert_eq!(name("Trending on the web today, the port closed."), None);
    }

    #[test]
    fn regression_a_menus_first_item_is_no_masthead() {
        assert_eq!(
            masthead_outlet("Home | World | Markets | Valley Wire Pro"),
            None
        );
        assert_eq!(
            masthead_outlet("Harbor Ledger | Port Alder's newspaper since 1911").as_deref(),
            Some("Harbor Ledger")
        );
    }

    #[test]
    fn the_copyright_holders_company_is_not_the_outlet() {
        let name = |t: &str| outlet_from_line(t).map(|f| f.value);
        assert_eq!(
            name("© Marsh Courier Publishing 2023").as_deref(),
            Some("Marsh Courier")
        );
        assert_eq!(
            name("© 2023 Valley Post Ltd").as_deref(),
            Some("Valley Post")
        );
    }
}
