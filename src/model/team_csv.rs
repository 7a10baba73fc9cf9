//! The team picture as CSV for Dutch Excel: `;` between fields, a UTF-8 byte
//! order mark, decimal comma, and text that can never start a formula.

use super::team::{ItemSummary, TeamSummary, dutch_number};

/// The header row and one row per outcome; shared answers only when the
/// trainer approved them. Hidden checklists get one row that says so.
pub fn team_csv(summary: &TeamSummary) -> String {
    let mut out = String::from("\u{feff}");
    row(
        &mut out,
        &[
            "Checklist",
            "Titel",
            "Vraag",
            "Soort",
            "Uitkomst",
            "Aantal",
            "Van",
        ],
    );
    for c in &summary.checklists {
        let of = c.respondents.to_string();
        if c.hidden {
            let why = format!(
                "niet getoond: minder dan {} antwoorden",
                summary.min_answers
            );
            // Below the threshold not even the count is shown.
            row(&mut out, &[&c.id, &c.title, "", "", &why, "", ""]);
            continue;
        }
        for item in &c.items {
            match item {
                ItemSummary::Check { text, ticked } => row(
                    &mut out,
                    &[
                        &c.id,
                        &c.title,
                        text,
                        "afvinken",
                        "aangevinkt",
                        &ticked.to_string(),
                        &of,
                    ],
                ),
                ItemSummary::YesNo { text, yes, no } => {
                    for (label, n) in [("ja", yes), ("nee", no)] {
                        row(
                            &mut out,
                            &[&c.id, &c.title, text, "ja/nee", label, &n.to_string(), &of],
                        );
                    }
                }
                ItemSummary::Scale {
                    text,
                    left,
                    right,
                    counts,
                    median,
                } => {
                    let last = counts.len();
                    for (i, n) in counts.iter().enumerate() {
                        let step = i + 1;
                        let label = if step == 1 {
                            format!("{step} ({left})")
                        } else if step == last {
                            format!("{step} ({right})")
                        } else {
                            step.to_string()
                        };
                        row(
                            &mut out,
                            &[&c.id, &c.title, text, "schaal", &label, &n.to_string(), &of],
                        );
                    }
                    let m = median.map(dutch_number).unwrap_or_default();
                    row(
                        &mut out,
                        &[&c.id, &c.title, text, "schaal", "mediaan", &m, &of],
                    );
                }
                ItemSummary::Open {
                    question,
                    answered,
                    shared,
                } => {
                    row(
                        &mut out,
                        &[
                            &c.id,
                            &c.title,
                            question,
                            "open",
                            "beantwoord",
                            &answered.to_string(),
                            &of,
                        ],
                    );
                    for s in shared.iter().filter(|s| s.approved) {
                        row(
                            &mut out,
                            &[
                                &c.id,
                                &c.title,
                                question,
                                "gedeeld antwoord",
                                s.text(),
                                "",
                                "",
                            ],
                        );
                    }
                }
            }
        }
    }
    out
}

fn row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(&field(f));
    }
    out.push_str("\r\n");
}

/// One field: quoted when needed; a leading `=`, `+`, `-`, `@` (or tab/CR)
/// gets an apostrophe so a spreadsheet shows text instead of running a formula.
fn field(text: &str) -> String {
    let mut t = text.replace(['\r', '\n'], " ");
    if t.starts_with(['=', '+', '-', '@', '\t']) {
        t.insert(0, '\'');
    }
    if t.contains([';', '"']) || t.starts_with(' ') || t.ends_with(' ') {
        format!("\"{}\"", t.replace('"', "\"\""))
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_never_formulas() {
        assert_eq!(field("gewoon"), "gewoon");
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("zeg \"hoi\""), "\"zeg \"\"hoi\"\"\"");
        assert_eq!(field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(field("-1"), "'-1");
        assert_eq!(field("twee\nregels"), "twee regels");
    }

    #[test]
    fn starts_with_bom_and_header() {
        let csv = team_csv(&TeamSummary::default());
        assert!(csv.starts_with("\u{feff}Checklist;Titel;Vraag;Soort;Uitkomst;Aantal;Van\r\n"));
    }
}
