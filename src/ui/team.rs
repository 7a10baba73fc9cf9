//! The team picture on the projector ("Team-overzicht"): per open checklist
//! bars for ticked statements, the yes/no split, scale histograms with the
//! median, and the shared answers the trainer chose to show. No names, and
//! nothing at all for a checklist with fewer than the minimum answers.

use egui::{Align2, Color32, FontId, Rect, Ui, pos2, vec2};

use crate::model::{ChecklistSummary, ItemSummary, TeamSummary, answers_text, dutch_number};

use super::theme;

/// One piece of the picture: a checklist's title line, or one of its items.
enum Piece<'a> {
    Title(&'a ChecklistSummary),
    Item(&'a ChecklistSummary, &'a ItemSummary),
}

impl Piece<'_> {
    /// Height in lines of text.
    fn rows(&self) -> f32 {
        match self {
            Piece::Title(c) if c.hidden => 3.0,
            Piece::Title(_) => 1.5,
            Piece::Item(_, ItemSummary::Scale { .. }) => 3.2,
            Piece::Item(_, ItemSummary::Open { shared, .. }) => {
                // Without shown answers, one line says how many there are.
                1.2 + shared.iter().filter(|s| s.approved).count().max(1) as f32 * 1.1
            }
            Piece::Item(..) => 1.9,
        }
    }
}

/// A label at the top left of `rect` (`ui.put` would centre it).
fn put_left(ui: &mut Ui, rect: Rect, label: egui::Label) {
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    child.add(label);
}

/// Draw the team picture in `rect` (the audience screen).
pub fn team_picture(ui: &mut Ui, rect: Rect, summary: &TeamSummary) {
    let margin = vec2(rect.width() * 0.05, rect.height() * 0.05);
    let area = rect.shrink2(margin);
    let heading = (area.height() / 16.0).max(14.0);
    ui.put(
        Rect::from_min_size(area.min, vec2(area.width(), heading * 1.4)),
        egui::Label::new(
            egui::RichText::new("Zo staat het team ervoor")
                .size(heading)
                .family(theme::bold_family()),
        ),
    );
    let body = Rect::from_min_max(pos2(area.left(), area.top() + heading * 1.8), area.max);
    if summary.checklists.is_empty() {
        ui.put(
            body,
            egui::Label::new(
                egui::RichText::new("Er staat nog geen checklist open voor de zaal.")
                    .size(heading * 0.7),
            ),
        );
        return;
    }
    let pieces: Vec<Piece> = summary
        .checklists
        .iter()
        .flat_map(|c| {
            std::iter::once(Piece::Title(c)).chain(c.items.iter().map(move |i| Piece::Item(c, i)))
        })
        .collect();
    let total: f32 = pieces.iter().map(Piece::rows).sum();
    // Two columns when one would make the text too small for the back of the room.
    let cols = if total > 14.0 { 2 } else { 1 };
    let gap = area.width() * 0.04;
    let col_w = (body.width() - gap * (cols as f32 - 1.0)) / cols as f32;
    let mut columns: Vec<Vec<&Piece>> = vec![Vec::new(); cols];
    let mut load = vec![0.0f32; cols];
    let mut col = 0;
    for (i, piece) in pieces.iter().enumerate() {
        // A title never ends a column: it moves on with its first item.
        let next_is_item = matches!(pieces.get(i + 1), Some(Piece::Item(..)));
        let extra = if matches!(piece, Piece::Title(_)) && next_is_item {
            pieces.get(i + 1).map_or(0.0, Piece::rows)
        } else {
            0.0
        };
        if col + 1 < cols
            && load[col] > 0.0
            && load[col] + piece.rows() + extra > total / cols as f32 + 1.0
        {
            col += 1;
        }
        load[col] += piece.rows();
        columns[col].push(piece);
    }
    let most = load.iter().copied().fold(1.0, f32::max);
    let line = (body.height() / most).min(heading * 0.8);
    for (i, pieces) in columns.iter().enumerate() {
        let x = body.left() + i as f32 * (col_w + gap);
        let mut y = body.top();
        for piece in pieces {
            let height = piece.rows() * line;
            let r = Rect::from_min_size(pos2(x, y), vec2(col_w, height));
            match piece {
                Piece::Title(c) => title(ui, r, c, line, summary.min_answers),
                Piece::Item(c, item) => draw_item(ui, r, c, item, line),
            }
            y += height;
        }
    }
}

fn title(ui: &mut Ui, rect: Rect, c: &ChecklistSummary, line: f32, min: usize) {
    let size = line * 0.62;
    // Below the threshold not even the count is shown.
    let title = if c.hidden {
        c.title.clone()
    } else {
        format!("{} · {}", c.title, answers_text(c.respondents))
    };
    put_left(
        ui,
        Rect::from_min_size(rect.min, vec2(rect.width(), line * 1.2)),
        egui::Label::new(
            egui::RichText::new(title)
                .size(size * 1.15)
                .family(theme::bold_family())
                .color(theme::accent(ui)),
        )
        .truncate(),
    );
    if c.hidden {
        let wait = format!(
            "Het overzicht verschijnt vanaf {min} antwoorden, zodat niemand te herkennen is."
        );
        put_left(
            ui,
            Rect::from_min_size(
                rect.min + vec2(0.0, line * 1.5),
                vec2(rect.width(), line * 1.4),
            ),
            egui::Label::new(
                egui::RichText::new(wait)
                    .size(size)
                    .color(ui.visuals().weak_text_color()),
            )
            .wrap(),
        );
    }
}

fn draw_item(ui: &mut Ui, rect: Rect, c: &ChecklistSummary, item: &ItemSummary, line: f32) {
    let painter = ui.painter().clone();
    let text = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let accent = theme::accent(ui);
    let size = line * 0.62;
    let mut y = rect.top();
    let font = FontId::proportional(size);
    let bar_h = line * 0.5;
    let label_w = rect.width() * 0.5;
    let bar_x = rect.left() + label_w + line * 0.3;
    let bar_w = rect.right() - bar_x - line * 2.6;
    let of = c.respondents.max(1) as f32;
    {
        match item {
            ItemSummary::Check { text: t, ticked } => {
                label(&painter, rect.left(), y, label_w, t, &font, text);
                bar(
                    &painter,
                    bar_x,
                    y,
                    bar_w,
                    bar_h,
                    *ticked as f32 / of,
                    accent,
                    weak,
                );
                painter.text(
                    pos2(bar_x + bar_w + line * 0.3, y + bar_h / 2.0),
                    Align2::LEFT_CENTER,
                    format!("{ticked}/{}", c.respondents),
                    font.clone(),
                    text,
                );
            }
            ItemSummary::YesNo { text: t, yes, no } => {
                label(&painter, rect.left(), y, label_w, t, &font, text);
                let total = (*yes + *no).max(1) as f32;
                let split = bar_w * *yes as f32 / total;
                let r = Rect::from_min_size(pos2(bar_x, y), vec2(bar_w, bar_h));
                painter.rect_filled(r, 2.0, ui.visuals().extreme_bg_color);
                painter.rect_filled(Rect::from_min_size(r.min, vec2(split, bar_h)), 2.0, accent);
                painter.rect_stroke(
                    r,
                    2.0,
                    egui::Stroke::new(1.0, weak),
                    egui::StrokeKind::Inside,
                );
                painter.text(
                    pos2(bar_x + bar_w + line * 0.3, y + bar_h / 2.0),
                    Align2::LEFT_CENTER,
                    format!("ja {yes} · nee {no}"),
                    FontId::proportional(size * 0.8),
                    text,
                );
            }
            ItemSummary::Scale {
                text: t,
                left,
                right,
                counts,
                median,
            } => {
                label(&painter, rect.left(), y, label_w, t, &font, text);
                let most = counts.iter().copied().max().unwrap_or(0).max(1) as f32;
                let n = counts.len().max(1) as f32;
                let step_w = bar_w / n;
                let hist_h = line * 1.6;
                for (i, count) in counts.iter().enumerate() {
                    let h = hist_h * *count as f32 / most;
                    let x = bar_x + i as f32 * step_w;
                    let r = Rect::from_min_max(
                        pos2(x + step_w * 0.12, y + hist_h - h),
                        pos2(x + step_w * 0.88, y + hist_h),
                    );
                    painter.rect_filled(r, 2.0, accent);
                    painter.text(
                        pos2(x + step_w / 2.0, y + hist_h + line * 0.05),
                        Align2::CENTER_TOP,
                        count.to_string(),
                        FontId::proportional(size * 0.7),
                        text,
                    );
                }
                let small = FontId::proportional(size * 0.7);
                let under = y + hist_h + line * 0.75;
                painter.text(
                    pos2(bar_x, under),
                    Align2::LEFT_TOP,
                    left,
                    small.clone(),
                    weak,
                );
                painter.text(
                    pos2(bar_x + bar_w, under),
                    Align2::RIGHT_TOP,
                    right,
                    small,
                    weak,
                );
                if let Some(m) = median {
                    // Below a statement of up to two lines, on the left.
                    put_left(
                        ui,
                        Rect::from_min_size(
                            pos2(rect.left(), y + line * 1.75),
                            vec2(label_w, line),
                        ),
                        egui::Label::new(
                            egui::RichText::new(format!("mediaan {}", dutch_number(*m)))
                                .size(size * 0.85)
                                .family(theme::bold_family()),
                        ),
                    );
                }
            }
            ItemSummary::Open {
                question,
                shared,
                answered,
            } => {
                let shown: Vec<_> = shared.iter().filter(|s| s.approved).collect();
                label(
                    &painter,
                    rect.left(),
                    y,
                    rect.width(),
                    question,
                    &font,
                    text,
                );
                y += line * 1.2;
                if shown.is_empty() {
                    // Never an empty space under a question: say what there is.
                    let text = match *answered {
                        0 => "nog geen antwoorden".to_owned(),
                        1 => "1 antwoord; er wordt er nog geen getoond".to_owned(),
                        n => format!("{n} antwoorden; er wordt er nog geen getoond"),
                    };
                    put_left(
                        ui,
                        Rect::from_min_size(
                            pos2(rect.left() + line * 0.6, y),
                            vec2(rect.width() - line, line * 1.1),
                        ),
                        egui::Label::new(egui::RichText::new(text).size(size * 0.85)).truncate(),
                    );
                }
                for s in shown {
                    let r = Rect::from_min_size(
                        pos2(rect.left() + line * 0.6, y),
                        vec2(rect.width() - line, line * 1.1),
                    );
                    ui.put(
                        r,
                        egui::Label::new(
                            egui::RichText::new(format!("“{}”", s.text()))
                                .size(size * 0.9)
                                .family(theme::italic_family()),
                        )
                        .truncate(),
                    );
                    y += line * 1.1;
                }
            }
        }
    }
}

fn label(painter: &egui::Painter, x: f32, y: f32, w: f32, s: &str, font: &FontId, c: Color32) {
    let mut job = egui::text::LayoutJob::simple(s.to_owned(), font.clone(), c, w);
    job.wrap.max_rows = 2;
    job.wrap.break_anywhere = false;
    let galley = painter.layout_job(job);
    painter.galley(pos2(x, y), galley, c);
}

#[allow(clippy::too_many_arguments)]
fn bar(p: &egui::Painter, x: f32, y: f32, w: f32, h: f32, part: f32, fill: Color32, edge: Color32) {
    let r = Rect::from_min_size(pos2(x, y), vec2(w, h));
    p.rect_filled(
        Rect::from_min_size(r.min, vec2(w * part.clamp(0.0, 1.0), h)),
        2.0,
        fill,
    );
    p.rect_stroke(
        r,
        2.0,
        egui::Stroke::new(1.0, edge),
        egui::StrokeKind::Inside,
    );
}
