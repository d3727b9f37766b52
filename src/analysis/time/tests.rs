//! The temporal tagger's table tests: expressions, their values against an anchor, their spans.

use super::*;
use jiff::civil::date;

const PUB: Date = date(2025, 11, 25); // a Tuesday

fn tag1(text: &str, anchor: Option<Date>) -> Vec<(String, TimexType, String)> {
    TimeTagger::new()
        .tag(text, anchor)
        .into_iter()
        .map(|t| (t.span.slice(text).to_string(), t.kind, t.value))
        .collect()
}

/// (text, expected span text, type, value) against publication Tue 25 Nov 2025.
const CASES: &[(&str, &str, TimexType, &str)] = {
    use TimexType::*;
    &[
        ("They met on Monday.", "Monday", Date, "2025-11-24"),
        ("They will meet on Monday.", "Monday", Date, "2025-12-01"),
        ("Talks are set to resume Friday.", "Friday", Date, "2025-11-28"),
        ("He plans to travel Thursday.", "Thursday", Date, "2025-11-27"),
        ("The deal was signed Tuesday.", "Tuesday", Date, "2025-11-25"),
        ("It happened last week.", "last week", Date, "2025-W47"),
        ("They will meet next week.", "next week", Date, "2025-W49"),
        ("Prices rose this week.", "this week", Date, "2025-W48"),
        ("Sales fell last month.", "last month", Date, "2025-10"),
        ("Growth will slow next year.", "next year", Date, "2026"),
        ("This year was hard.", "This year", Date, "2025"),
        ("He spoke yesterday.", "yesterday", Date, "2025-11-24"),
        ("He speaks today.", "today", Date, "2025-11-25"),
        ("He speaks tomorrow.", "tomorrow", Date, "2025-11-26"),
        ("It was decided two days ago.", "two days ago", Date, "2025-11-23"),
        ("Three weeks later, they signed.", "Three weeks later", Date, "2025-W51"),
        ("Earlier this year, he resigned.", "Earlier this year", Date, "2025"),
        ("The strike began late May 12.", "late May 12", Date, "2025-05-12"),
        ("The summit was held on Nov. 24.", "Nov. 24", Date, "2025-11-24"),
        ("They met in March 2022.", "March 2022", Date, "2022-03"),
        ("The talks on 11/24 failed.", "11/24", Date, "2025-11-24"),
        ("It was filed on 2025-05-13.", "2025-05-13", Date, "2025-05-13"),
        ("It began on 24 November 2025.", "24 November 2025", Date, "2025-11-24"),
        ("It began on November 24, 2025.", "November 24, 2025", Date, "2025-11-24"),
        ("Growth was strong in the 1990s.", "the 1990s", Date, "199"),
        ("In the 20th century, it grew.", "the 20th century", Date, "19"),
        ("They met this summer.", "this summer", Date, "2025-SU"),
        ("Profits rose in the third quarter.", "the third quarter", Date, "2025-Q3"),
        ("Profits rose in the fourth quarter of 1989.", "the fourth quarter of 1989", Date, "1989-Q4"),
        ("Rain fell for the past few days.", "the past few days", Duration, "PXD"),
        ("The ceasefire lasted three days.", "three days", Duration, "P3D"),
        ("The talks took two years.", "two years", Duration, "P2Y"),
        ("It has grown for years.", "years", Duration, "PXY"),
        ("He is now in Ankara.", "now", Date, "PRESENT_REF"),
        ("He is currently in Ankara.", "currently", Date, "PRESENT_REF"),
        ("He recently visited Kyiv.", "recently", Date, "PAST_REF"),
        ("Talks continue in the coming days.", "the coming days", Date, "FUTURE_REF"),
        ("The paper is published daily.", "daily", Set, "P1D"),
        ("They meet every week.", "every week", Set, "P1W"),
        ("The vote is at 2:30 p.m.", "2:30 p.m.", Time, "2025-11-25T14:30"),
        ("They met at 14:30 on Monday.", "14:30 on Monday", Time, "2025-11-24T14:30"),
        ("Fighting resumed Friday morning.", "Friday morning", Time, "2025-11-21TMO"),
        ("He arrived last night.", "last night", Time, "2025-11-24TNI"),
        ("The 1998 law changed.", "1998", Date, "1998"),
        ("The talks ended in late November.", "late November", Date, "2025-11"),
        ("He will visit in April.", "April", Date, "2026-04"),
        ("He visited in April.", "April", Date, "2025-04"),
        ("It was published on Christmas.", "Christmas", Date, "2024-12-25"),
        ("He left last Friday.", "last Friday", Date, "2025-11-21"),
        ("They meet next Monday.", "next Monday", Date, "2025-12-01"),
        ("The plan was unveiled Monday, Nov. 24.", "Monday, Nov. 24", Date, "2025-11-24"),
        ("About two years ago, it began.", "About two years ago", Date, "2023"),
        ("The weekend was quiet.", "The weekend", Date, "XXX"),
    ]
};

#[test]
fn expressions_against_a_publication_date() {
    let mut bad = Vec::new();
    for &(text, span, kind, value) in CASES {
        if value == "XXX" {
            continue;
        }
        let got = tag1(text, Some(PUB));
        let hit = got.iter().find(|(s, _, _)| s == span);
        match hit {
            Some((_, k, v)) if *k == kind && v == value => {}
            _ => bad.push(format!("{text:?}: want {span:?} {kind:?} {value}, got {got:?}")),
        }
    }
    assert!(bad.is_empty(), "{} failures:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn without_an_anchor_relative_values_have_unknown_parts() {
    let cases: &[(&str, &str)] = &[
        ("They met on Monday.", "XXXX-WXX-1"),
        ("It happened last week.", "XXXX-WXX"),
        ("He spoke yesterday.", "XXXX-XX-XX"),
        ("The summit was held on Nov. 24.", "XXXX-11-24"),
        ("It was filed on 2025-05-13.", "2025-05-13"),
    ];
    for &(text, value) in cases {
        let got = TimeTagger::new().tag(text, None);
        assert_eq!(got.len(), 1, "{text}");
        assert_eq!(got[0].value, value, "{text}");
    }
    let t = TimeTagger::new().tag("They met on Monday.", None);
    assert_eq!(t[0].calendar_value(), None);
}

#[test]
fn spans_exclude_prepositions_and_explain_themselves() {
    let text = "They met on Monday.";
    let t = TimeTagger::new().tag(text, Some(PUB));
    assert_eq!(t[0].span, Span::new(12, 18));
    assert_eq!(t[0].how, "the Monday before publication (24 Nov 2025)");
    assert!(t[0].relative);
    assert_eq!(t[0].granularity, Granularity::Day);
    let t = TimeTagger::new().tag("It was filed on 2025-05-13.", Some(PUB));
    assert_eq!(t[0].how, "as written");
    assert!(!t[0].relative);
}

/// Rules added in the third round: (text, span, type, value) against Tue 25 Nov 2025.
const ROUND4: &[(&str, &str, TimexType, &str)] = {
    use TimexType::*;
    &[
        // "would be" + -ing looks forward; "United" is a name, not a past verb.
        (
            "He said the father would be traveling to the United States Thursday.",
            "Thursday",
            Date,
            "2025-11-27",
        ),
        ("He said he traveled to the United States Thursday.", "Thursday", Date, "2025-11-20"),
        // "is/are to" + verb is a plan.
        ("The stock is to resume trading in Paris Wednesday.", "Wednesday", Date, "2025-11-26"),
        // Halves: the next smaller unit.
        ("They lived in camps for 2 1/2 years.", "2 1/2 years", Duration, "P2Y6M"),
        ("She spent 5 1/2 hours in Nairobi.", "5 1/2 hours", Duration, "PT5H30M"),
        ("But a minute and a half later, a pilot called in.", "a minute and a half", Duration, "PT1M30S"),
        // "vacation plans" is a noun, not a future marker.
        ("On Friday, when she set aside vacation plans, he left.", "Friday", Date, "2025-11-21"),
        // An "-ed" adjective in a future clause is no past verb.
        ("It will redeem preferred shares on Nov. 28.", "Nov. 28", Date, "2025-11-28"),
        // A deadline half a year away either way lies ahead.
        ("The airline will double its flights by May.", "May", Date, "2026-05"),
        ("The company expects to close the deal by year-end.", "year-end", Date, "2025-12-31"),
        ("The index has risen 5% since year-end.", "year-end", Date, "2024-12-31"),
        ("For the week, the index rose 2%.", "the week", Date, "2025-WXX"),
        ("Prices rose through the nineties.", "the nineties", Date, "199"),
    ]
};

#[test]
fn round4_future_in_past_and_halves() {
    let mut bad = Vec::new();
    for &(text, span, kind, value) in ROUND4 {
        let got = tag1(text, Some(PUB));
        match got.iter().find(|(s, _, _)| s == span) {
            Some((_, k, v)) if *k == kind && v == value => {}
            _ => bad.push(format!("{text:?}: want {span:?} {kind:?} {value}, got {got:?}")),
        }
    }
    assert!(bad.is_empty(), "{} failures:\n{}", bad.len(), bad.join("\n"));
}

const ROUND3: &[(&str, &str, TimexType, &str)] = {
    use TimexType::*;
    &[
        // Anaphora: counted from the last date mentioned, not from publication.
        (
            "On May 22, 1995, he was promoted, and the following year he moved.",
            "the following year",
            Date,
            "1996",
        ),
        ("He fled in June 1998 and returned later that year.", "later that year", Date, "1998"),
        (
            "He was shot on Oct. 23, 1998. Earlier that day, the family sent a fax.",
            "Earlier that day",
            Date,
            "1998-10-23",
        ),
        (
            "Stocks fell Friday, Nov. 21, down 4% from the previous Friday.",
            "the previous Friday",
            Date,
            "2025-11-14",
        ),
        (
            "The hearing was on Nov. 20, 2025. He appeared in court the next morning.",
            "the next morning",
            Date,
            "2025-11-21",
        ),
        (
            "Bids came in March 1989. The following month, it put itself up for sale.",
            "The following month",
            Date,
            "1989-04",
        ),
        // A report period longer than a quarter: "a year earlier" is the year.
        ("Profit rose in the third quarter from a year earlier.", "a year earlier", Date, "2024-Q3"),
        (
            "Profit rose in the third quarter. In the nine months, net rose from a year earlier.",
            "a year earlier",
            Date,
            "2024",
        ),
        (
            "Profit rose in the third quarter. Sales in the latest period were flat.",
            "the latest period",
            Date,
            "2025-Q3",
        ),
        // "N days later": a length of time from a moment of the story.
        ("Three days later, the index fell.", "Three days", Duration, "P3D"),
        ("A few days later, it announced losses.", "A few days", Duration, "PXD"),
        ("Just over an hour later, he died.", "an hour", Duration, "PT1H"),
        // "until 9 a.m. Tuesday": the stop of "a.m." ends no sentence.
        ("The relatives have until 9 a.m. Tuesday to sign.", "9 a.m. Tuesday", Time, "2025-12-02T09:00"),
        // Months: a past clause keeps a near future month from winning; a participle
        // after "is"/"be" is not a past verb.
        ("He stepped down as chairman in March for health reasons.", "March", Date, "2025-03"),
        ("The case is heard in January in the appeals court.", "January", Date, "2026-01"),
        ("Guidelines to be published in early December will decide.", "early December", Date, "2025-12"),
        ("He could not be located Monday in his hometown.", "Monday", Date, "2025-11-24"),
    ]
};

#[test]
fn round3_reference_times_periods_and_tense() {
    let mut bad = Vec::new();
    for &(text, span, kind, value) in ROUND3 {
        let got = tag1(text, Some(PUB));
        match got.iter().find(|(s, _, _)| s == span) {
            Some((_, k, v)) if *k == kind && v == value => {}
            _ => bad.push(format!("{text:?}: want {span:?} {kind:?} {value}, got {got:?}")),
        }
    }
    assert!(bad.is_empty(), "{} failures:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn anaphora_explains_the_reference_date() {
    let text = "Stocks fell Friday, Nov. 21, down 4% from the previous Friday.";
    let t = TimeTagger::new().tag(text, Some(PUB));
    let prev = t.iter().find(|t| t.span.slice(text) == "the previous Friday").expect("tagged");
    assert_eq!(prev.how, "the Friday before 21 Nov 2025, the last date mentioned");
    // Without a recent date, "that day" is not tagged and "the following year" stays a
    // length of time.
    let got = tag1("Imports were $37 million in 1988, a small share of imports that year.", Some(PUB));
    assert_eq!(got[1], ("that year".to_string(), TimexType::Date, "1988".to_string()));
    let got = tag1("You get a news item and strong redemptions that day.", Some(PUB));
    assert!(got.is_empty(), "{got:?}");
    let got = tag1("Prices will rise over the following year.", Some(PUB));
    assert_eq!(got, vec![("the following year".to_string(), TimexType::Duration, "P1Y".to_string())]);
}

#[test]
fn ignores_ages_fractions_ordinals_titles_and_companies() {
    for text in [
        "Mr. Reupke, 52 years old, resigned.",
        "Iraq imports about three-quarters of its food.",
        "Funds account for more than a quarter of the market.",
        "Sun, a maker of workstations, said sales rose.",
        "A second group of directors left.",
        "The chip runs 15 million instructions per second.",
        "It is 5% of Nasdaq's average daily volume.",
        "Baker said on ABC's \"This Week,\" that talks failed.",
        "He said on CBS's \"60 Minutes\" that it was abuse.",
    ] {
        let got = tag1(text, Some(PUB));
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn ignores_numbers_that_are_not_dates() {
    for text in [
        "He paid $1998 for 2,000 shares.",
        "Turnout was 1/2 of the total.",
        "The army has 1500 troops and 12.5 percent more.",
        "You may go. They will march.",
    ] {
        let got = tag1(text, Some(PUB));
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}
