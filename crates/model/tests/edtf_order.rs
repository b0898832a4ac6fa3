//! Property tests for the EDTF date model: printing and parsing agree, and the chronology order
//! is the documented total order.

use chrono::NaiveDate;
use dossier_model::{Bound, Date, Edtf, Period};
use proptest::prelude::*;

fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        (1900..2100i32).prop_map(|y| Period::year(y).unwrap()),
        (1900..2100i32, 1..=12u32).prop_map(|(y, m)| Period::month(y, m).unwrap()),
        (1900..2100i32, 1..=12u32, 1..=28u32).prop_map(|(y, m, d)| Period::day(y, m, d).unwrap()),
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (period(), any::<bool>(), any::<bool>()).prop_map(|(p, a, u)| {
        let mut d = Date::new(p);
        d.qualifier.approximate = a;
        d.qualifier.uncertain = u;
        d
    })
}

fn edtf() -> impl Strategy<Value = Edtf> {
    prop_oneof![
        3 => date().prop_map(Edtf::Single),
        1 => (date(), date()).prop_filter_map("ordered", |(a, b)| Edtf::interval(Bound::Date(a), Bound::Date(b))),
        1 => date().prop_map(|d| Edtf::interval(Bound::Open, Bound::Date(d)).unwrap()),
        1 => date().prop_map(|d| Edtf::interval(Bound::Date(d), Bound::Unknown).unwrap()),
    ]
}

proptest! {
    #[test]
    fn print_then_parse_is_identity(e in edtf()) {
        prop_assert_eq!(e.to_string().parse::<Edtf>().unwrap(), e);
    }

    #[test]
    fn order_is_total_and_consistent(a in edtf(), b in edtf(), c in edtf()) {
        use std::cmp::Ordering::*;
        prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        prop_assert_eq!(a.cmp(&b) == Equal, a == b);
        if a <= b && b <= c { prop_assert!(a <= c); }
    }

    #[test]
    fn earliest_possible_day_first(a in edtf(), b in edtf()) {
        let (ea, eb) = (a.earliest().unwrap_or(NaiveDate::MIN), b.earliest().unwrap_or(NaiveDate::MIN));
        if ea < eb { prop_assert!(a < b); }
        if ea == eb && a.latest().unwrap_or(NaiveDate::MAX) < b.latest().unwrap_or(NaiveDate::MAX) {
            prop_assert!(a < b, "narrower first at an equal start");
        }
    }

    #[test]
    fn qualifiers_do_not_move_a_date(d in date()) {
        let plain = Edtf::Single(Date::new(d.period()));
        prop_assert_eq!(Edtf::Single(d).sort_key(), plain.sort_key());
    }

    #[test]
    fn open_start_sorts_before_every_date(d in date(), e in edtf()) {
        let open = Edtf::interval(Bound::Open, Bound::Date(d)).unwrap();
        if e.earliest().is_some() { prop_assert!(open < e); }
    }

    #[test]
    fn overlap_is_symmetric(a in edtf(), b in edtf()) {
        prop_assert_eq!(a.overlaps(&b), b.overlaps(&a));
        prop_assert!(a.overlaps(&a));
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(s in ".{0,40}") {
        let _ = s.parse::<Edtf>();
    }
}
