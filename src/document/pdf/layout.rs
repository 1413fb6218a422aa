//! Reading order from positioned text: spans become rows (same baseline),
//! rows become segments (split at wide gaps), and runs of rows that share
//! an empty vertical strip (a gutter) become columns read one after the
//! other, or a table read row by row.
//!
//! Heuristics, tuned on what resume templates do: a sidebar plus a main
//! column, right-aligned dates, skill tables. They can be fooled by
//! unusual layouts; the MULTI_COLUMN and TABLE_LAYOUT warnings tell the
//! user when the reading order was reconstructed.

use super::content::Span;

/// A line of reading-order text and where it sat on the page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub text: String,
    pub y: f64,
    pub size: f64,
}

/// Layouts found on a page.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Signals {
    pub column_regions: usize,
    pub table_regions: usize,
}

#[derive(Debug, Clone)]
struct Segment {
    x0: f64,
    x1: f64,
    text: String,
}

#[derive(Debug, Clone)]
struct Row {
    y: f64,
    size: f64,
    segments: Vec<Segment>,
}

/// Rows sharing a gutter must number at least this to be columns.
const MIN_REGION_ROWS: usize = 3;
/// Deeper column splits than this are noise.
const MAX_SPLIT_DEPTH: usize = 3;
/// Beyond this many rows on one page, keep top-to-bottom order: the column
/// search is quadratic and no resume page has that many lines.
const MAX_ANALYZED_ROWS: usize = 2_000;

/// Orders a page's spans into lines. Turned text (a title run up a
/// sidebar) is read first, as lines of its own: among the upright rows
/// each of its letters would sit on a row of its own. Having no one height
/// on the page, its lines carry an infinite `y`, so that the page's
/// assembly treats them as it treats a running header.
pub(crate) fn read_page(spans: &[Span]) -> (Vec<Line>, Signals) {
    let (turned, upright): (Vec<&Span>, Vec<&Span>) = spans.iter().partition(|span| span.turned);
    let rows = build_rows(upright);
    let mut lines: Vec<Line> = build_rows(turned)
        .iter()
        .map(|row| Line {
            y: f64::INFINITY,
            ..row_line(row)
        })
        .collect();
    lines.reserve(rows.len());
    let mut signals = Signals::default();
    if rows.len() > MAX_ANALYZED_ROWS {
        lines.extend(rows.iter().map(row_line));
    } else {
        order(&rows, 0, &mut lines, &mut signals);
    }
    (join_hyphenated(lines), signals)
}

/// Groups spans on (nearly) the same baseline, then splits each row at
/// gaps too wide to be word spacing.
fn build_rows(mut spans: Vec<&Span>) -> Vec<Row> {
    spans.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut grouped: Vec<(f64, f64, Vec<&Span>)> = Vec::new();
    for span in spans {
        match grouped.last_mut() {
            Some((y, size, members)) if *y - span.y <= 0.35 * size.max(span.size) => {
                *size = size.max(span.size);
                members.push(span);
            }
            _ => grouped.push((span.y, span.size, vec![span])),
        }
    }
    grouped
        .into_iter()
        .map(|(y, size, mut members)| {
            members.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            Row {
                y,
                size,
                segments: segments(&members),
            }
        })
        .collect()
}

fn segments(spans: &[&Span]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut previous: Option<&Span> = None;
    for span in spans {
        let size = span.size;
        match (out.last_mut(), previous) {
            (Some(segment), Some(prev)) if span.x0 - segment.x1 <= split_gap(size) => {
                // Fake bold: the same text drawn twice, a hair apart. The
                // second `f` of `staffing`, drawn glyph by glyph, sits a
                // whole glyph on and is no repeat.
                let offset = (span.x0 - prev.x0).abs();
                if span.text == prev.text && offset < 0.3 * size && offset < 0.5 * (prev.x1 - prev.x0) {
                    continue;
                }
                let gap = span.x0 - segment.x1;
                if gap > 0.15 * size && !segment.text.ends_with(' ') && !span.text.starts_with(' ') {
                    segment.text.push(' ');
                }
                segment.text.push_str(&span.text);
                segment.x1 = segment.x1.max(span.x1);
            }
            _ => out.push(Segment {
                x0: span.x0,
                x1: span.x1,
                text: span.text.clone(),
            }),
        }
        previous = Some(span);
    }
    for segment in &mut out {
        segment.text = segment.text.trim().to_owned();
    }
    out
}

/// Word gaps in justified text stay under an em; gutters and the space
/// before a right-aligned date are wider.
fn split_gap(size: f64) -> f64 {
    (1.2 * size).max(6.0)
}

fn min_gutter(size: f64) -> f64 {
    (0.8 * size).max(5.0)
}

/// Emits `rows` in reading order, splitting column regions recursively.
///
/// First looks for a gutter that runs down the whole block, crossed by at
/// most a few rows (a name or contact line above a sidebar layout); the
/// crossing rows cut the block into bands read in turn. Failing that,
/// looks for shorter runs of rows that share a gap.
fn order(rows: &[Row], depth: usize, out: &mut Vec<Line>, signals: &mut Signals) {
    let Some(gutter) = (depth < MAX_SPLIT_DEPTH).then(|| block_gutter(rows)).flatten() else {
        order_local(rows, depth, out, signals);
        return;
    };
    let mut band_start = 0;
    for (index, row) in rows.iter().enumerate() {
        if crosses(row, gutter) {
            read_band(&rows[band_start..index], depth, out, signals);
            out.push(row_line(row));
            band_start = index + 1;
        }
    }
    read_band(&rows[band_start..], depth, out, signals);
}

fn read_band(band: &[Row], depth: usize, out: &mut Vec<Line>, signals: &mut Signals) {
    if band.len() >= MIN_REGION_ROWS && read_region(band, depth, out, signals) {
        return;
    }
    order_local(band, depth, out, signals);
}

/// A vertical strip, inside the text, that rows leave empty except for at
/// most a fifth of them, with lines on both sides in the rows that leave
/// it empty. The emptiest strip wins; among equals, the widest.
fn block_gutter(rows: &[Row]) -> Option<(f64, f64)> {
    if rows.len() < MIN_REGION_ROWS {
        return None;
    }
    let size = median_size(rows);
    // Row coverage: +1 where a row's text starts, -1 where it ends (each
    // row's segments merged first so a row counts once).
    let mut edges: Vec<(f64, i32)> = Vec::new();
    for row in rows {
        let mut merged = Vec::new();
        for segment in &row.segments {
            add_interval(&mut merged, segment.x0, segment.x1);
        }
        for (a, b) in merged {
            edges.push((a, 1));
            edges.push((b, -1));
        }
    }
    edges.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let (first, last) = (edges.first()?.0, edges.last()?.0);
    // Elementary strips between consecutive edges, with their coverage.
    let mut strips: Vec<(f64, f64, i32)> = Vec::new();
    let mut depth_count = 0;
    for pair in edges.windows(2) {
        depth_count += pair[0].1;
        if pair[1].0 > pair[0].0 {
            strips.push((pair[0].0, pair[1].0, depth_count));
        }
    }
    let most_crossings = (rows.len() / 5) as i32;
    let mut best: Option<(f64, f64)> = None;
    for allowed in 0..=most_crossings {
        let mut candidates: Vec<(f64, f64)> = Vec::new();
        for &(a, b, coverage) in &strips {
            if coverage > allowed {
                continue;
            }
            match candidates.last_mut() {
                Some(last) if (last.1 - a).abs() < 1e-9 => last.1 = b,
                _ => candidates.push((a, b)),
            }
        }
        candidates.retain(|&(a, b)| b - a >= min_gutter(size) && a > first && b < last);
        for gutter in candidates {
            let wider = best.is_none_or(|(a, b)| gutter.1 - gutter.0 > b - a);
            if wider && has_text_on_both_sides(rows, gutter) && crossings_only_at_edges(rows, gutter) {
                best = Some(gutter);
            }
        }
        // A wider strip that more rows cross is a gap inside one column
        // (a table's, say), not the gutter.
        if best.is_some() {
            break;
        }
    }
    best
}

/// Rows may cross a gutter above or below the columns (a name, a contact
/// line, a footer), not between column lines: a long line poking into the
/// gutter means the gutter is narrower.
fn crossings_only_at_edges(rows: &[Row], gutter: (f64, f64)) -> bool {
    let both_sides = |r: &Row| {
        r.segments.iter().any(|s| s.x1 <= gutter.0 + 0.5) && r.segments.iter().any(|s| s.x0 >= gutter.1 - 0.5)
    };
    let (Some(first), Some(last)) = (rows.iter().position(both_sides), rows.iter().rposition(both_sides)) else {
        return true;
    };
    !rows[first..=last].iter().any(|r| crosses(r, gutter))
}

fn median_size(rows: &[Row]) -> f64 {
    let mut sizes: Vec<f64> = rows.iter().map(|r| r.size).collect();
    sizes.sort_by(f64::total_cmp);
    sizes[sizes.len() / 2]
}

fn crosses(row: &Row, (a, b): (f64, f64)) -> bool {
    row.segments.iter().any(|s| s.x0 < b - 0.5 && s.x1 > a + 0.5)
}

fn has_text_on_both_sides(rows: &[Row], gutter: (f64, f64)) -> bool {
    let clear = rows.iter().filter(|r| !crosses(r, gutter));
    let left = clear
        .clone()
        .filter(|r| r.segments.iter().any(|s| s.x1 <= gutter.0 + 0.5))
        .count();
    let right = clear
        .filter(|r| r.segments.iter().any(|s| s.x0 >= gutter.1 - 0.5))
        .count();
    left >= 2 && right >= 2
}

/// Row-by-row reading, except for runs of rows that share a gap of their
/// own (a two-column block inside a single-column page).
fn order_local(rows: &[Row], depth: usize, out: &mut Vec<Line>, signals: &mut Signals) {
    // All the text of the block, left to right: the cover is sorted.
    let covered = cover(rows);
    let hull = covered
        .first()
        .zip(covered.last())
        .map(|(first, last)| (first.0, last.1));
    let mut i = 0;
    while i < rows.len() {
        if depth < MAX_SPLIT_DEPTH
            && let Some(hull) = hull
            && let Some(end) = region_end(rows, i, hull)
        {
            // A heading centred above two columns can leave a narrow gap
            // of its own with the rows below; it is not part of them.
            if end - i >= 2 && straddles(&rows[i], widest_gutter(&rows[i + 1..end])) {
                out.push(row_line(&rows[i]));
                i += 1;
                continue;
            }
            let mut end = end;
            while end - i > MIN_REGION_ROWS && straddles(&rows[end - 1], widest_gutter(&rows[i..end - 1])) {
                end -= 1;
            }
            if end - i >= MIN_REGION_ROWS && read_region(&rows[i..end], depth, out, signals) {
                i = end;
                continue;
            }
        }
        out.push(row_line(&rows[i]));
        i += 1;
    }
}

/// Reads a region of rows sharing gutters as a table or as columns;
/// `false` if it is neither (e.g. dates aligned right of job titles).
fn read_region(region: &[Row], depth: usize, out: &mut Vec<Line>, signals: &mut Signals) -> bool {
    let found = gutters(&cover(region), region[0].size);
    if found.is_empty() {
        return false;
    }
    let columns = split_columns(region, &found);
    if is_table(&columns, region.len()) {
        signals.table_regions += 1;
        out.extend(region.iter().map(|row| row_line_with(row, " | ")));
        return true;
    }
    if columns.iter().all(|c| flows(c)) {
        signals.column_regions += 1;
        let mut columns = columns;
        let heading = pull_heading(&mut columns);
        out.extend(heading.iter().map(row_line));
        for column in &columns {
            order(column, depth + 1, out, signals);
        }
        return true;
    }
    false
}

/// Rows of a later column that sit above where the first column starts,
/// set off by a paragraph gap: a name or contact line over a sidebar
/// layout, which happens to lie on one side of the gutter. They are read
/// first rather than after the whole first column.
fn pull_heading(columns: &mut [Vec<Row>]) -> Vec<Row> {
    let Some(top) = columns.first().and_then(|c| c.first()).map(|r| r.y) else {
        return Vec::new();
    };
    let mut heading = Vec::new();
    for column in columns.iter_mut().skip(1) {
        let above = column.iter().take_while(|r| r.y > top + r.size).count();
        let set_off = match (above.checked_sub(1).map(|i| &column[i]), column.get(above)) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(last), Some(next)) => last.y - next.y > 1.8 * last.size.max(next.size),
        };
        if set_off {
            heading.extend(column.drain(..above));
        }
    }
    heading.sort_by(|a, b| b.y.total_cmp(&a.y));
    heading
}

/// Where the longest run of rows from `start` that leaves a common
/// vertical gap ends. The gap may appear only after a few rows (a column
/// whose first line sits higher than the other's), but once it has
/// appeared, a row that bridges it ends the run.
fn region_end(rows: &[Row], start: usize, hull: (f64, f64)) -> Option<usize> {
    let size = rows[start].size;
    let mut covered: Vec<(f64, f64)> = Vec::new();
    let mut had_gap = false;
    let mut end = start;
    for row in &rows[start..] {
        let mut next = covered.clone();
        for segment in &row.segments {
            add_interval(&mut next, segment.x0, segment.x1);
        }
        let has_gap = !gutters(&next, size).is_empty();
        if had_gap && !has_gap {
            break;
        }
        // One interval over all the text on the page: no gap can open.
        if !has_gap && next.len() == 1 && next[0].0 <= hull.0 && next[0].1 >= hull.1 {
            return None;
        }
        had_gap |= has_gap;
        covered = next;
        end += 1;
    }
    (had_gap && end - start >= MIN_REGION_ROWS).then_some(end)
}

fn cover(rows: &[Row]) -> Vec<(f64, f64)> {
    let mut covered = Vec::new();
    for segment in rows.iter().flat_map(|r| &r.segments) {
        add_interval(&mut covered, segment.x0, segment.x1);
    }
    covered
}

fn widest_gutter(rows: &[Row]) -> Option<(f64, f64)> {
    let size = rows.first()?.size;
    gutters(&cover(rows), size)
        .into_iter()
        .max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)))
}

/// Whether a row has text running from inside or left of the gutter into
/// the column on its right: a full-width or centred line, not a column
/// line that merely pokes into the gutter.
fn straddles(row: &Row, gutter: Option<(f64, f64)>) -> bool {
    let Some((_, gutter_end)) = gutter else {
        return false;
    };
    let slack = 0.5 * row.size;
    row.segments
        .iter()
        .any(|s| s.x0 < gutter_end - slack && s.x1 > gutter_end + slack)
}

/// Merges `[x0, x1]` into a sorted list of disjoint intervals.
fn add_interval(cover: &mut Vec<(f64, f64)>, x0: f64, x1: f64) {
    let (mut lo, mut hi) = (x0, x1);
    cover.retain(|&(a, b)| {
        if b < lo || a > hi {
            true
        } else {
            lo = lo.min(a);
            hi = hi.max(b);
            false
        }
    });
    let at = cover.iter().position(|&(a, _)| a > lo).unwrap_or(cover.len());
    cover.insert(at, (lo, hi));
}

/// Empty strips between covered intervals, wide enough to be gutters.
fn gutters(cover: &[(f64, f64)], size: f64) -> Vec<(f64, f64)> {
    cover
        .windows(2)
        .map(|pair| (pair[0].1, pair[1].0))
        .filter(|(a, b)| b - a >= min_gutter(size))
        .collect()
}

/// The region's rows cut into one list of rows per column.
fn split_columns(region: &[Row], gutters: &[(f64, f64)]) -> Vec<Vec<Row>> {
    let mut columns: Vec<Vec<Row>> = vec![Vec::new(); gutters.len() + 1];
    for row in region {
        for (index, column) in columns.iter_mut().enumerate() {
            let segments: Vec<Segment> = row
                .segments
                .iter()
                .filter(|s| gutters.iter().filter(|(gap_start, _)| s.x1 > *gap_start).count() == index)
                .cloned()
                .collect();
            if !segments.is_empty() {
                column.push(Row {
                    y: row.y,
                    size: row.size,
                    segments,
                });
            }
        }
    }
    columns
}

/// Three or more columns whose rows mostly line up: a table, best read
/// row by row. Two aligned columns stay columns: a sidebar next to a main
/// column often shares baselines, and reading across would interleave them.
fn is_table(columns: &[Vec<Row>], rows: usize) -> bool {
    columns.len() >= 3 && columns.iter().all(|c| c.len() * 10 >= rows * 6)
}

/// A column flows when it has a few lines and most follow the previous one
/// at line spacing, or when it holds prose however far apart its
/// paragraphs sit. Dates aligned right beside job titles do neither: they
/// sit many lines apart, a few words each, and belong to the row they are on.
fn flows(column: &[Row]) -> bool {
    if column.len() < 2 {
        return false;
    }
    let close = column
        .windows(2)
        .filter(|pair| pair[0].y - pair[1].y <= 2.0 * pair[0].size.max(pair[1].size))
        .count();
    let prose = column
        .iter()
        .filter(|row| {
            row.segments
                .iter()
                .map(|s| s.text.split_whitespace().count())
                .sum::<usize>()
                >= 6
        })
        .count();
    close * 2 >= column.len() - 1 || prose >= 2
}

fn row_line(row: &Row) -> Line {
    row_line_with(row, "\t")
}

fn row_line_with(row: &Row, separator: &str) -> Line {
    Line {
        text: row
            .segments
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(separator),
        y: row.y,
        size: row.size,
    }
}

/// Rejoins words broken across lines: a soft hyphen always, a hard one
/// when the next line goes on in lowercase ("develop-" + "ment").
fn join_hyphenated(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for mut line in lines {
        if let Some(previous) = out.last_mut() {
            let soft = previous.text.ends_with('\u{AD}');
            let hard = previous.text.ends_with('-')
                && previous.text.chars().rev().nth(1).is_some_and(char::is_alphabetic)
                && line.text.chars().next().is_some_and(char::is_lowercase);
            if soft || hard {
                previous.text.pop();
                let (word, rest) = line.text.split_once(' ').unwrap_or((line.text.as_str(), ""));
                previous.text.push_str(word);
                line.text = rest.to_owned();
            }
        }
        if !line.text.trim().is_empty() {
            out.push(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(x0: f64, y: f64, text: &str) -> Span {
        Span {
            x0,
            x1: x0 + 5.0 * text.chars().count() as f64,
            y,
            size: 10.0,
            text: text.to_owned(),
            turned: false,
        }
    }

    fn texts(spans: &[Span]) -> Vec<String> {
        read_page(spans).0.into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn words_on_one_baseline_join_with_spaces_from_gaps() {
        let spans = [
            span(50.0, 700.0, "Senior"),
            span(83.0, 700.0, "engineer"),
            span(50.0, 686.0, "Acme"),
        ];
        assert_eq!(texts(&spans), ["Senior engineer", "Acme"]);
    }

    #[test]
    fn text_turned_up_the_page_is_read_as_one_line_of_its_own() {
        // `TITLE` run up the page letter by letter, in its own reading frame.
        let mut spans: Vec<Span> = "TITLE"
            .chars()
            .enumerate()
            .map(|(i, c)| Span {
                turned: true,
                ..span(400.0 + 5.0 * i as f64, -560.0, &c.to_string())
            })
            .collect();
        spans.push(span(50.0, 700.0, "Jane Doe"));
        spans.push(span(50.0, 686.0, "Experience"));
        assert_eq!(texts(&spans), ["TITLE", "Jane Doe", "Experience"]);
    }

    #[test]
    fn a_doubled_letter_drawn_glyph_by_glyph_is_kept_and_fake_bold_is_not() {
        let glyph = |x0: f64, text: &str| Span {
            x1: x0 + 2.8,
            ..span(x0, 700.0, text)
        };
        let staffing = ["s", "t", "a", "f", "f", "i", "n", "g"];
        let spans: Vec<Span> = staffing
            .iter()
            .zip(0..)
            .map(|(t, i)| glyph(2.8 * f64::from(i), t))
            .collect();
        assert_eq!(texts(&spans), ["staffing"]);
        let bold = [glyph(0.0, "Go"), glyph(0.3, "Go")];
        assert_eq!(texts(&bold), ["Go"]);
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let mut spans = vec![span(200.0, 760.0, "Jane Doe, Rust engineer and team lead")];
        for i in 0..6 {
            let y = 720.0 - 14.0 * f64::from(i);
            spans.push(span(50.0, y, &format!("left {i}")));
            spans.push(span(300.0, y - 3.0, &format!("right {i}")));
        }
        let (lines, signals) = read_page(&spans);
        let lines: Vec<String> = lines.into_iter().map(|l| l.text).collect();
        assert_eq!(lines[0], "Jane Doe, Rust engineer and team lead");
        assert_eq!(
            lines[1..7],
            ["left 0", "left 1", "left 2", "left 3", "left 4", "left 5"]
        );
        assert_eq!(lines[7], "right 0");
        assert_eq!(signals.column_regions, 1);
    }

    #[test]
    fn a_name_above_the_main_column_is_read_before_the_sidebar() {
        let mut spans = vec![span(300.0, 760.0, "Jane Doe")];
        for i in 0..6 {
            let y = 720.0 - 14.0 * f64::from(i);
            spans.push(span(50.0, y, &format!("skill {i}")));
            spans.push(span(300.0, y - 5.0, &format!("job line {i}")));
        }
        let texts = texts(&spans);
        assert_eq!(texts[..3], ["Jane Doe", "skill 0", "skill 1"]);
        assert_eq!(texts[7], "job line 0");
    }

    #[test]
    fn right_aligned_dates_stay_on_their_row() {
        let mut spans = Vec::new();
        for job in 0..3 {
            let top = 700.0 - 60.0 * f64::from(job);
            spans.push(span(50.0, top, &format!("Engineer {job}")));
            spans.push(span(480.0, top, "2019"));
            spans.push(span(60.0, top - 14.0, "Built things"));
            spans.push(span(60.0, top - 28.0, "Ran things"));
        }
        let (lines, signals) = read_page(&spans);
        assert_eq!(lines[0].text, "Engineer 0\t2019");
        assert_eq!(lines[1].text, "Built things");
        assert_eq!(signals, Signals::default());
    }

    #[test]
    fn a_main_column_of_paragraphs_far_apart_is_still_a_column() {
        let mut spans: Vec<Span> = (0..8)
            .map(|i| span(50.0, 700.0 - 14.0 * f64::from(i), &format!("skill {i}")))
            .collect();
        for (y, text) in [
            (700.0, "ABOUT ME"),
            (660.0, "Designer of posters and books for ten years"),
            (646.0, "with a studio of my own in the old town"),
            (590.0, "EXPERIENCE"),
            (550.0, "Led the redesign of the city theatre brand"),
            (536.0, "and its posters for three seasons in a row"),
        ] {
            spans.push(span(200.0, y, text));
        }
        let lines = texts(&spans);
        assert_eq!(
            lines[..8],
            [
                "skill 0", "skill 1", "skill 2", "skill 3", "skill 4", "skill 5", "skill 6", "skill 7"
            ]
        );
        assert_eq!(lines[8], "ABOUT ME");
    }

    #[test]
    fn the_empty_gutter_of_a_sidebar_wins_over_a_wider_gap_of_a_table_beside_it() {
        let mut spans: Vec<Span> = (0..25)
            .map(|i| span(50.0, 700.0 - 14.0 * f64::from(i), &format!("s{i}")))
            .collect();
        for i in 0..5 {
            let line = "a line of prose across the whole main column of the page";
            spans.push(span(130.0, 700.0 - 14.0 * f64::from(i), line));
        }
        for i in 0..3 {
            let y = 600.0 - 14.0 * f64::from(i);
            spans.push(span(130.0, y, "Degree"));
            spans.push(span(300.0, y, "School"));
            spans.push(span(420.0, y, "2020"));
        }
        let lines = texts(&spans);
        let sidebar: Vec<String> = (0..25).map(|i| format!("s{i}")).collect();
        assert_eq!(lines[..25], sidebar[..], "{lines:#?}");
    }

    #[test]
    fn a_grid_of_three_columns_is_a_table_read_by_rows() {
        let mut spans = Vec::new();
        for (i, row) in [
            ["Skill", "Level", "Years"],
            ["Rust", "Expert", "6"],
            ["Go", "Good", "3"],
        ]
        .iter()
        .enumerate()
        {
            let y = 700.0 - 14.0 * i as f64;
            for (j, cell) in row.iter().enumerate() {
                spans.push(span(50.0 + 150.0 * j as f64, y, cell));
            }
        }
        let (lines, signals) = read_page(&spans);
        assert_eq!(lines[1].text, "Rust | Expert | 6");
        assert_eq!(signals.table_regions, 1);
    }

    #[test]
    fn hyphenated_words_are_rejoined() {
        let spans = [
            span(50.0, 700.0, "Kuber-"),
            span(50.0, 686.0, "netes clusters"),
            span(50.0, 672.0, "Self-"),
            span(50.0, 658.0, "Taught"),
        ];
        assert_eq!(texts(&spans), ["Kubernetes", "clusters", "Self-", "Taught"]);
    }
}
