//! The quality table `atscan eval` prints, and the check against targets.

use std::fmt::Write as _;

use crate::eval::measure::Quality;
use crate::eval::{Targets, Thresholds};

/// Figures that fall short of `floor`, one sentence each.
pub fn shortfalls(quality: &Quality, floor: &Thresholds) -> Vec<String> {
    let mut short = Vec::new();
    let mut at_least = |what: &str, value: f64, target: f64| {
        if value + 1e-9 < target {
            short.push(format!("{what} is {value:.3}, below {target:.3}"));
        }
    };
    at_least("job recall", quality.job_recall(), floor.job_recall);
    at_least("resume recall", quality.resume_recall(), floor.resume_recall);
    at_least("importance accuracy", quality.importance(), floor.importance);
    at_least("title accuracy", quality.titles(), floor.titles);
    at_least(
        "jobs whose fitting resume beats every cross resume",
        quality.fit_over_every_cross(),
        floor.fit_over_every_cross,
    );
    at_least("mean fit-over-cross gap", quality.mean_gap(), floor.mean_gap);
    if floor.beat_tfidf {
        at_least(
            "fit-over-cross comparisons won",
            quality.comparisons_won(),
            quality.tfidf_won(),
        );
    }
    if quality.traps() > floor.max_traps {
        short.push(format!(
            "{} wrong-sense traps, more than {}",
            quality.traps(),
            floor.max_traps
        ));
    }
    short
}

/// The quality table with the floor and goal beside each figure, then the
/// worst cases (eight pairs of each, or every pair).
pub fn render(quality: &Quality, targets: &Targets, every_pair: bool) -> String {
    let (floor, goal) = (&targets.floor, &targets.goal);
    let mut out = String::new();
    let comparisons = quality.comparisons.len();
    let jobs = {
        let mut jobs: Vec<&str> = quality.comparisons.iter().map(|c| c.job.as_str()).collect();
        jobs.sort_unstable();
        jobs.dedup();
        jobs.len()
    };
    let _ = writeln!(
        out,
        "{} labelled pairs, {comparisons} cross comparisons over {jobs} jobs\n",
        quality.pairs.len()
    );
    let _ = writeln!(out, "{:<52} {:>8} {:>8} {:>8}", "figure", "value", "floor", "goal");
    let mut row = |what: &str, value: String, floor: String, goal: String| {
        let _ = writeln!(out, "{what:<52} {value:>8} {floor:>8} {goal:>8}");
    };
    let f = |x: f64| format!("{x:.3}");
    row(
        "job keyword recall over the labels",
        f(quality.job_recall()),
        f(floor.job_recall),
        f(goal.job_recall),
    );
    row(
        "resume keyword recall over the labels",
        f(quality.resume_recall()),
        f(floor.resume_recall),
        f(goal.resume_recall),
    );
    row(
        "wrong-sense traps reported",
        quality.traps().to_string(),
        format!("<={}", floor.max_traps),
        format!("<={}", goal.max_traps),
    );
    row(
        "importance right on found labelled skills",
        f(quality.importance()),
        f(floor.importance),
        f(goal.importance),
    );
    row("job titles right", f(quality.titles()), f(floor.titles), f(goal.titles));
    row(
        "jobs: fitting resume beats every cross resume",
        f(quality.fit_over_every_cross()),
        f(floor.fit_over_every_cross),
        f(goal.fit_over_every_cross),
    );
    row(
        "mean fit-over-cross gap (score points)",
        format!("{:.1}", quality.mean_gap()),
        format!("{:.1}", floor.mean_gap),
        format!("{:.1}", goal.mean_gap),
    );
    let tfidf = |beat: bool| if beat { ">=tfidf" } else { "-" }.to_owned();
    row(
        "fit-over-cross comparisons won: atscan score",
        f(quality.comparisons_won()),
        tfidf(floor.beat_tfidf),
        tfidf(goal.beat_tfidf),
    );
    row(
        "  TF-IDF cosine, IDF over the two texts",
        f(quality.tfidf_won()),
        String::new(),
        String::new(),
    );
    row(
        "  TF-IDF cosine, IDF over the corpus",
        f(quality.corpus_tfidf_won()),
        String::new(),
        String::new(),
    );
    write_worst_cases(&mut out, quality, if every_pair { usize::MAX } else { 8 });
    out
}

fn write_worst_cases(out: &mut String, quality: &Quality, rows: usize) {
    let _ = writeln!(
        out,
        "\nlowest job recall (missed labels; * = not in the knowledge base):"
    );
    let mut by_job_recall: Vec<_> = quality.pairs.iter().filter(|p| !p.job_missed.is_empty()).collect();
    by_job_recall.sort_by_key(|p| std::cmp::Reverse(p.job_missed.len()));
    for pair in by_job_recall.iter().take(rows) {
        let _ = writeln!(out, "  {}: {}", pair.pair, marked(&pair.job_missed, &pair.unknown));
    }
    let _ = writeln!(out, "\nlowest resume recall:");
    let mut by_resume_recall: Vec<_> = quality.pairs.iter().filter(|p| !p.resume_missed.is_empty()).collect();
    by_resume_recall.sort_by_key(|p| std::cmp::Reverse(p.resume_missed.len()));
    for pair in by_resume_recall.iter().take(rows) {
        let _ = writeln!(out, "  {}: {}", pair.pair, marked(&pair.resume_missed, &pair.unknown));
    }
    let _ = writeln!(out, "\ntraps:");
    for pair in quality.pairs.iter().filter(|p| !p.traps.is_empty()) {
        let _ = writeln!(out, "  {}: {}", pair.pair, pair.traps.join(", "));
    }
    let _ = writeln!(out, "\nwrong importance:");
    for pair in quality.pairs.iter().filter(|p| !p.importance_wrong.is_empty()) {
        let _ = writeln!(out, "  {}: {}", pair.pair, pair.importance_wrong.join("; "));
    }
    let _ = writeln!(out, "\nwrong titles (read / labelled):");
    for pair in quality.pairs.iter().filter(|p| !p.title_right) {
        let _ = writeln!(
            out,
            "  {}: {:?} / {:?}",
            pair.pair,
            pair.title.as_deref().unwrap_or("(none)"),
            pair.title_expected
        );
    }
    let _ = writeln!(out, "\ncross resumes at or above the fitting one (job: fit vs cross):");
    let mut lost: Vec<_> = quality.comparisons.iter().filter(|c| !c.won()).collect();
    lost.sort_by(|a, b| a.gap().total_cmp(&b.gap()));
    for c in lost {
        let _ = writeln!(
            out,
            "  {}: {} vs {} ({})",
            c.job, c.fit_score, c.cross_score, c.cross_resume
        );
    }
    let _ = writeln!(out, "\nscores of the fitting resumes:");
    let scores: Vec<String> = quality
        .pairs
        .iter()
        .map(|p| format!("{} {}", &p.pair[..2], p.score))
        .collect();
    for chunk in scores.chunks(12) {
        let _ = writeln!(out, "  {}", chunk.join("  "));
    }
}

fn marked(missed: &[String], unknown: &[String]) -> String {
    missed
        .iter()
        .map(|label| {
            if unknown.contains(label) {
                format!("{label}*")
            } else {
                label.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}
