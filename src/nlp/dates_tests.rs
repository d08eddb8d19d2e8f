//! Tests of `nlp::dates`: one per rule, on invented sentences.

use super::*;

/// Tuesday 18 February 2025.
fn tue() -> Date {
    Date::new(2025, 2, 18).unwrap()
}

fn one(text: &str, reference: Date) -> (String, bool, String) {
    let found = find(text, reference);
    assert_eq!(found.len(), 1, "{text:?} → {found:?}");
    let m = &found[0];
    assert_eq!(&text[m.span.clone()], m.expression);
    (m.date.to_string(), m.approximate, m.expression.clone())
}

fn date_of(text: &str, reference: Date) -> String {
    one(text, reference).0
}

#[test]
fn weekday_before_the_article_is_the_past_one() {
    assert_eq!(
        date_of("Ministers met in Oslo on Monday.", tue()),
        "2025-02-17"
    );
    assert_eq!(
        date_of("The ferry sank on Saturday night.", tue()),
        "2025-02-15"
    );
    assert_eq!(
        date_of("Officials said Wednesday that it would reopen.", tue()),
        "2025-02-12"
    );
}

#[test]
fn same_weekday_is_the_article_day() {
    assert_eq!(date_of("The envoys met on Tuesday.", tue()), "2025-02-18");
    assert_eq!(date_of("Tuesday's vote was close.", tue()), "2025-02-18");
}

#[test]
fn future_sentences_look_ahead() {
    assert_eq!(
        date_of("She will travel to Lima on Wednesday.", tue()),
        "2025-02-19"
    );
    assert_eq!(
        date_of("He said he would visit the port from Friday.", tue()),
        "2025-02-21"
    );
    assert_eq!(
        date_of(
            "On Monday, the ministry said talks would resume soon.",
            tue()
        ),
        "2025-02-17"
    );
    assert_eq!(
        date_of("The committee is scheduled to vote on Thursday.", tue()),
        "2025-02-20"
    );
    assert_eq!(
        date_of("Envoys are meeting in Bern on Friday.", tue()),
        "2025-02-21"
    );
}

#[test]
fn last_and_next_weekday() {
    assert_eq!(date_of("It happened last Tuesday.", tue()), "2025-02-11");
    assert_eq!(
        date_of("They meet again next Tuesday.", tue()),
        "2025-02-25"
    );
    assert_eq!(date_of("Talks resume next Friday.", tue()), "2025-02-21");
    assert_eq!(date_of("The storm hit last Sunday.", tue()), "2025-02-16");
}

#[test]
fn yesterday_today_tomorrow() {
    assert_eq!(date_of("The plant closed yesterday.", tue()), "2025-02-17");
    assert_eq!(date_of("Results come out today.", tue()), "2025-02-18");
    assert_eq!(date_of("Voting starts tomorrow.", tue()), "2025-02-19");
}

#[test]
fn weeks_and_weekends_are_approximate() {
    assert_eq!(
        one("The two spoke by phone last week.", tue()),
        ("2025-02-11".into(), true, "last week".into())
    );
    assert_eq!(
        one("A summit follows next week.", tue()),
        ("2025-02-25".into(), true, "next week".into())
    );
    // Saturday 15 February is the weekend before Tuesday 18 February.
    assert_eq!(
        one("Leaders warned at a conference last weekend.", tue()).0,
        "2025-02-15"
    );
    assert_eq!(
        one("Prices fell last month.", tue()),
        ("2025-01-01".into(), true, "last month".into())
    );
    assert_eq!(
        one("Strikes began three days ago.", tue()),
        ("2025-02-15".into(), false, "three days ago".into())
    );
    assert_eq!(
        one("It was signed two weeks ago.", tue()),
        ("2025-02-04".into(), true, "two weeks ago".into())
    );
}

#[test]
fn explicit_dates_in_all_spellings() {
    assert_eq!(
        date_of("The deal was struck on February 17.", tue()),
        "2025-02-17"
    );
    assert_eq!(
        date_of("Signed on Feb. 17, 2025, in Oslo.", tue()),
        "2025-02-17"
    );
    assert_eq!(date_of("It opened on 17 February.", tue()), "2025-02-17");
    assert_eq!(date_of("It opened on 3rd March 2024.", tue()), "2024-03-03");
    assert_eq!(
        date_of("The filing is dated 2025-01-30.", tue()),
        "2025-01-30"
    );
    assert_eq!(date_of("Rain fell on Sept 9.", tue()), "2024-09-09");
}

#[test]
fn weekday_in_front_of_a_full_date_is_one_mention() {
    let (d, approx, expr) = one("They met on Tuesday, February 18, 2025, in Riyadh.", tue());
    assert_eq!((d.as_str(), approx), ("2025-02-18", false));
    assert_eq!(expr, "Tuesday, February 18, 2025");
    // The explicit date wins even when the weekday disagrees.
    assert_eq!(
        date_of("It began on Monday, March 3, 2025.", tue()),
        "2025-03-03"
    );
}

#[test]
fn modal_may_and_counts_are_not_dates() {
    let m = find("The vote may come in March.", tue());
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(
        (m[0].expression.as_str(), m[0].granularity),
        ("March", Granularity::Month)
    );
    assert!(find("Officials may decide soon.", tue()).is_empty());
    assert!(find("He scored 17 points.", tue()).is_empty());
}

#[test]
fn year_is_the_nearest_to_the_article() {
    let jan3 = Date::new(2025, 1, 3).unwrap();
    assert_eq!(
        date_of("The fire started on December 30.", jan3),
        "2024-12-30"
    );
}

#[test]
fn spans_point_into_the_text_across_sentences() {
    let text = "Nothing here. Officials met on Monday in Paris.";
    let m = &find(text, tue())[0];
    assert_eq!(&text[m.span.clone()], "Monday");
}

fn value_of(text: &str, reference: Date) -> (String, Granularity) {
    let found = find(text, reference);
    assert_eq!(found.len(), 1, "{text:?} → {found:?}");
    (found[0].value(), found[0].granularity)
}

#[test]
fn month_level_expressions() {
    use Granularity::Month;
    let v = |t: &str| value_of(t, tue());
    assert_eq!(
        v("Prices peaked in January 2022."),
        ("2022-01".into(), Month)
    );
    assert_eq!(
        v("It was founded in June of 2019."),
        ("2019-06".into(), Month)
    );
    // A bare month is the last such month, or the coming one in a future clause.
    assert_eq!(v("The plant closed in October."), ("2024-10".into(), Month));
    assert_eq!(
        v("The plant will reopen in October."),
        ("2025-10".into(), Month)
    );
    assert_eq!(
        v("Talks stalled in early February."),
        ("2025-02".into(), Month)
    );
    assert_eq!(v("Elections follow next month."), ("2025-03".into(), Month));
    assert_eq!(v("Exports rose this month."), ("2025-02".into(), Month));
    assert_eq!(
        v("The ban began two months ago."),
        ("2024-12".into(), Month)
    );
}

#[test]
fn year_level_expressions() {
    use Granularity::Year;
    let v = |t: &str| value_of(t, tue());
    assert_eq!(v("Sales fell last year."), ("2024".into(), Year));
    assert_eq!(v("Growth is slower this year."), ("2025".into(), Year));
    assert_eq!(v("A vote is planned for next year."), ("2026".into(), Year));
    assert_eq!(v("The wall fell in 1990."), ("1990".into(), Year));
    assert_eq!(v("The 1990 final was replayed."), ("1990".into(), Year));
    assert_eq!(
        v("A year earlier, the port had closed."),
        ("2024".into(), Year)
    );
    assert_eq!(v("They married three years ago."), ("2022".into(), Year));
    // Counts and amounts are not years.
    assert!(find("Some 2000 people marched.", tue()).is_empty());
    assert!(find("It cost $2000 to fix.", tue()).is_empty());
    assert!(find("Turnout was 1990.5 on average.", tue()).is_empty());
}

#[test]
fn week_level_expressions() {
    use Granularity::Week;
    let v = |t: &str| value_of(t, tue());
    assert_eq!(v("A summit follows next week."), ("2025-W09".into(), Week));
    assert_eq!(v("They spoke last week."), ("2025-W07".into(), Week));
    assert_eq!(v("The envoys meet this week."), ("2025-W08".into(), Week));
    assert_eq!(iso_week(Date::new(2021, 1, 3).unwrap()), (2020, 53));
    assert_eq!(iso_week(Date::new(2024, 12, 30).unwrap()), (2025, 1));
}

#[test]
fn the_governing_verb_decides_past_or_future() {
    // Monday 17 March 2025.
    let mon = Date::new(2025, 3, 17).unwrap();
    assert_eq!(
        date_of(
            "Officials will hold a news conference on Thursday, the White House said.",
            mon
        ),
        "2025-03-20"
    );
    assert_eq!(
        date_of("The ministers met on Thursday, the agency said.", mon),
        "2025-03-13"
    );
    assert_eq!(
        date_of("The delegation said on Thursday that it would return.", mon),
        "2025-03-13"
    );
    assert_eq!(
        date_of("The summit is set to open on Friday.", mon),
        "2025-03-21"
    );
}
