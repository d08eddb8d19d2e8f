//! Tests of [`super::cluster`] on small invented reports.

use super::*;
use crate::date::Date;

fn doc(id: &str, day: &str, title: &str, text: &str) -> ClusterDoc {
    crate::events::testing::cluster_doc(
        id,
        Date::parse_iso(day).expect("ISO test date"),
        title,
        text,
    )
}

/// Two reports of one treaty signing whose headlines name different
/// things (a palace; the valley the treaty is about), and two harvest
/// notices of two farms written to one template. Around them, reports of
/// other things, so that common words are common.
fn corpus() -> Vec<ClusterDoc> {
    let mut v = vec![
        doc(
            "treaty-1",
            "2031-05-05",
            "Talks open at the Marlow Palace",
            "Delegations from Ostria and Belgravia met at the Marlow Palace on Monday to settle \
             their border. Chancellor Idris Kallemann and Premier Tovra Delmont led the talks. \
             Kallemann said the treaty would end the long dispute over the Fennick valley, and \
             Delmont said the two armies would leave the valley within a month.",
        ),
        doc(
            "treaty-2",
            "2031-05-06",
            "Fennick accord signed after two days",
            "The border accord was signed on Tuesday by Chancellor Idris Kallemann and Premier \
             Tovra Delmont. The two armies will leave the valley within a month, the delegations \
             of Ostria and Belgravia said, and the Marlow Palace talks will resume in autumn on \
             trade.",
        ),
        doc(
            "farm-1",
            "2031-05-05",
            "Harlan Mills reports record harvest",
            "Harlan Mills said on Monday its harvest rose to a record this season, and its board \
             proposed a higher dividend. The harvest rose on good weather and more acres sown, \
             the company said.",
        ),
        doc(
            "farm-2",
            "2031-05-06",
            "Dorsey Farms reports record harvest",
            "Dorsey Farms said on Tuesday its harvest rose to a record this season, and its board \
             proposed a higher dividend. The harvest rose on good weather and more acres sown, \
             the company said.",
        ),
    ];
    // Earlier news of the two leaders, and later news of the observers:
    // their names are known to the corpus (specific, not unique), and the
    // observers' are the signing report's rarest, so its anchor support
    // from the talks report stays low (as in a long report naming many
    // people the first one does not).
    v.push(doc(
        "leaders-earlier",
        "2031-03-01",
        "Border dispute flares",
        "Chancellor Idris Kallemann of Ostria accused Premier Tovra Delmont of Belgravia of \
         moving troops, and proposed talks at the Marlow Palace.",
    ));
    let observers = "Quenby Harrowgate, Sallis Pemberton, Vantor Olrik, Mirela Castany and \
                     Jorun Valde of the Eskarian League";
    v[1].text
        .push_str(&format!(" Observers {observers} watched the signing."));
    v.push(doc(
        "observers-later",
        "2031-06-20",
        "Observers report to their league",
        &format!("On Friday the observers {observers} presented a report on elections."),
    ));
    for (k, topic) in [
        "a storm on the coast",
        "a football final",
        "a new bridge",
        "a film prize",
    ]
    .iter()
    .enumerate()
    {
        v.push(doc(
            &format!("other-{k}"),
            "2031-05-05",
            &format!("Report number {k} about {topic}"),
            &format!("On Monday the paper reported on {topic}, and the company said nothing."),
        ));
    }
    v
}

/// The event of each document id.
fn events_of(docs: &[ClusterDoc], c: &Clustering) -> BTreeMap<String, usize> {
    docs.iter()
        .zip(&c.assignment)
        .map(|(d, &e)| (d.id.clone(), e))
        .collect()
}

#[test]
fn shared_specific_body_names_lift_the_head_veto_template_words_do_not() {
    let docs = corpus();
    let p = Params::default();
    let c = cluster(&docs, &p);
    let ev = events_of(&docs, &c);
    assert_eq!(ev["treaty-1"], ev["treaty-2"], "{:?}", c.decisions[1]);
    assert_ne!(ev["farm-1"], ev["farm-2"], "{:?}", c.decisions[3]);
    // The treaty reports' heads differ: the veto would have split them,
    // and it is the shared names that let them join.
    let best = &c.decisions[1].candidates[0];
    assert!(best.body_shared >= p.head_lift, "{best:?}");
    let strict = Params {
        head_lift: f32::INFINITY,
        ..Params::default()
    };
    let c = cluster(&docs, &strict);
    let ev = events_of(&docs, &c);
    assert_ne!(ev["treaty-1"], ev["treaty-2"], "{:?}", c.decisions[1]);
    assert!(c.decisions[1].candidates[0].head_conflict);
    // The farm notices share no specific name: another company.
    let farm = c.decisions[3]
        .candidates
        .iter()
        .find(|s| s.event == ev["farm-1"])
        .expect("the other farm is a candidate");
    assert!(
        farm.head_conflict && farm.body_shared < p.head_lift,
        "{farm:?}"
    );
}
