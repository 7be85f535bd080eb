//! Costs at scale, on a library made by `examples/gen-corpus/`:
//!
//! ```sh
//! cargo run --release --example gen-corpus -- --reviews 10000 --comments 100000 --out /tmp/corpus
//! REELREAD_CORPUS=/tmp/corpus cargo bench --bench corpus
//! ```
//!
//! Without `REELREAD_CORPUS` the benchmarks say so and measure nothing. Figures go in
//! docs/performance.md; the pty figures (start to first frame, key to frame, memory)
//! come from `scripts/latency`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use reelread::action::{Action, Command};
use reelread::app::{App, update};
use reelread::data::{Library, LoadOptions, Review, load_parts, load_path};
use reelread::doc;

fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("REELREAD_CORPUS").map(PathBuf::from);
    if dir.is_none() {
        eprintln!(
            "REELREAD_CORPUS is not set: generate a library with the gen-corpus example first"
        );
    }
    dir
}

/// What the reader does at start: every file read, parsed and indexed, part by part.
fn load_indexed(dir: &std::path::Path) -> Library {
    let mut library = Library::default();
    load_parts(dir, &LoadOptions::default(), true, &mut |p| library.add(p));
    library
}

/// The first film of `library` cut down to its first reviews holding about 100 comments:
/// the same film and the same first review, so the frames compare like for like.
fn small(library: &Library) -> Library {
    let mut first = library.collections[0].clone();
    let mut comments = 0;
    let keep = first
        .reviews
        .iter()
        .take_while(|r| {
            comments += r.comments.len();
            comments <= 100
        })
        .count()
        .max(1);
    first.reviews.truncate(keep);
    Library {
        collections: vec![first],
        ..Library::default()
    }
}

fn comments(library: &Library) -> usize {
    library.reviews().map(|(_, r)| r.comments.len()).sum()
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|f| f.render_widget(app, f.area()))
        .expect("draw");
}

fn scale(c: &mut Criterion) {
    let Some(dir) = corpus() else { return };
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10);
    group.bench_function(
        "load library (read, parse, index: what the reader does)",
        |b| {
            b.iter(|| black_box(load_indexed(&dir)));
        },
    );
    group.bench_function("load library (read, parse: list, check)", |b| {
        b.iter(|| black_box(load_path(&dir)));
    });
    let library = load_path(&dir);
    // A query never typed before scans every review: what the first keystroke of a
    // filter costs (typing on narrows those matches, and remembered queries cost none).
    let indexed: Vec<_> = library
        .reviews()
        .map(|(_, r)| reelread::data::scan::index_review(r))
        .collect();
    let searchable: Vec<_> = library.reviews().map(|(_, r)| r).zip(&indexed).collect();
    for word in ["restrained", "e", "zzqx"] {
        group.bench_function(
            format!("text filter over every review, cold: {word}"),
            |b| {
                b.iter(|| black_box(reelread::query::matching(&searchable, word)));
            },
        );
    }
    // Typing a query that no one typed before, a keystroke at a time: each keystroke on a
    // fresh reader that has the shorter query typed (narrowing from its matches).
    let word = "restrained";
    for k in 1..=word.len() {
        group.bench_function(
            format!("list text filter as typed, keystroke {k} of {word}"),
            |b| {
                b.iter_batched(
                    || {
                        let mut app = App::new(library.clone());
                        update(&mut app, Action::Resize(200, 50));
                        update(&mut app, Command::Search);
                        for ch in word[..k - 1].chars() {
                            update(&mut app, Action::Input(ch));
                        }
                        app
                    },
                    |mut app| {
                        update(&mut app, Action::Input(char::from(word.as_bytes()[k - 1])));
                        app
                    },
                    BatchSize::PerIteration,
                );
            },
        );
    }
    group.bench_function("App::new (index built in the app)", |b| {
        b.iter_batched(
            || library.clone(),
            |l| black_box(App::new(l)),
            BatchSize::LargeInput,
        );
    });
    group.finish();

    let mut group = c.benchmark_group("frame");
    let small = small(&library);
    eprintln!(
        "frame: small library {} reviews / {} comments, large {} / {}",
        small.reviews().count(),
        comments(&small),
        library.reviews().count(),
        comments(&library)
    );
    for (name, lib) in [("100 comments", small), ("100k comments", library.clone())] {
        let mut app = App::new(lib);
        update(&mut app, Action::Resize(200, 50));
        let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("backend");
        group.bench_function(format!("draw frame 200x50, {name}"), |b| {
            b.iter(|| draw(&mut terminal, &app));
        });
    }
    group.finish();

    let mut app = App::new(library.clone());
    update(&mut app, Action::Resize(200, 50));
    let mut group = c.benchmark_group("keys");
    group.bench_function("key to state: J then K", |b| {
        b.iter(|| {
            update(&mut app, Command::NextSource);
            update(&mut app, Command::PrevSource);
        });
    });
    group.bench_function("sort: o through all five orders, back to file order", |b| {
        b.iter(|| {
            for _ in 0..5 {
                update(&mut app, Command::Sort);
            }
        });
    });
    group.finish();
    queries(c, &mut app);
    huge_review(c, &library);
}

/// Filter and search latency over the whole library: each iteration is two queries.
fn queries(c: &mut Criterion, app: &mut App) {
    let mut group = c.benchmark_group("query");
    group.sample_size(20);
    // The list's text filter, live while typing: "restraine" + "d" and back.
    update(app, Command::Search);
    for ch in "restraine".chars() {
        update(app, Action::Input(ch));
    }
    group.bench_function("list text filter: two queries (type d, delete it)", |b| {
        b.iter(|| {
            update(app, Action::Input('d'));
            update(app, Action::DeleteChar);
        });
    });
    update(app, Command::Back);
    // The first keystroke of a query: one letter found in every review.
    update(app, Command::Search);
    group.bench_function("list text filter: two queries (type e, delete it)", |b| {
        b.iter(|| {
            update(app, Action::Input('e'));
            update(app, Action::DeleteChar);
        });
    });
    update(app, Command::Back);
    let busiest = app
        .people()
        .iter()
        .max_by_key(|p| p.reviews + p.comments)
        .map(|p| p.name.clone())
        .expect("people");
    update(app, Command::Filter);
    for ch in busiest.chars() {
        update(app, Action::Input(ch));
    }
    update(app, Command::Open);
    group.bench_function("reviewer filter: clear, set again (busiest person)", |b| {
        b.iter(|| {
            update(app, Action::ClearFilter);
            update(app, Command::Filter);
            update(app, Command::Open);
        });
    });
    update(app, Action::ClearFilter);
    group.finish();
}

/// Does what the terminal loop's worker does: lays out the whole of a huge open review.
fn finish_layout(app: &mut App) {
    while let Some(job) = app.next_layout_job() {
        let doc = doc::build(&job.review, &job.options);
        update(app, Action::LaidOut(Box::new((job, doc))));
    }
}

/// A 5 MB review: the library's longest, its body repeated up to 5 MB.
fn five_megabytes(library: &Library) -> Review {
    let (_, longest) = library
        .reviews()
        .max_by_key(|(_, r)| r.body.len())
        .expect("reviews");
    let mut review = longest.clone();
    let paragraph = format!("\n\n{}", longest.body);
    while review.body.len() < 5_000_000 {
        review.body.push_str(&paragraph);
    }
    review
}

fn huge_review(c: &mut Criterion, library: &Library) {
    let review = five_megabytes(library);
    let mut group = c.benchmark_group("5 MB review");
    group.sample_size(10);
    group.bench_function("doc::build (wrap all) at 80 columns", |b| {
        b.iter(|| black_box(doc::build(&review, &doc::Options::default())));
    });
    let whole = doc::build(&review, &doc::Options::default());
    group.bench_function("search it: one query as typed (restrained)", |b| {
        b.iter(|| black_box(doc::search(&whole, "restrained")));
    });
    let mut one = small(library);
    one.collections[0].reviews = vec![review];
    let mut app = App::new(one);
    update(&mut app, Action::Resize(200, 50));
    update(&mut app, Command::FocusNext);
    finish_layout(&mut app);
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("backend");
    group.bench_function("scroll: End, frame, Home, frame", |b| {
        b.iter(|| {
            update(&mut app, Command::Bottom);
            draw(&mut terminal, &app);
            update(&mut app, Command::Top);
            draw(&mut terminal, &app);
        });
    });
    update(&mut app, Command::Search);
    for ch in "restraine".chars() {
        update(&mut app, Action::Input(ch));
    }
    group.bench_function(
        "search as typed in the reader: two keystrokes (d, delete it)",
        |b| {
            b.iter(|| {
                update(&mut app, Action::Input('d'));
                update(&mut app, Action::DeleteChar);
            });
        },
    );
    update(&mut app, Command::Back);
    update(&mut app, Command::Back);
    group.bench_function("scroll: page down, frame", |b| {
        b.iter(|| {
            update(&mut app, Command::PageDown);
            draw(&mut terminal, &app);
        });
    });
    for (name, share) in [("at the top", 0), ("half way down", 2)] {
        update(&mut app, Action::Resize(120, 50));
        finish_layout(&mut app);
        update(&mut app, Command::Top);
        let lines = app.open_doc().map_or(0, |d| d.lines.len());
        let pages = lines.checked_div(share * app.reading_height()).unwrap_or(0);
        for _ in 0..pages {
            update(&mut app, Command::PageDown);
        }
        let mut wide = true;
        group.bench_function(
            format!("resize that re-wraps (100 <-> 120 columns) {name}: visible part, frame"),
            |b| {
                b.iter(|| {
                    wide = !wide;
                    update(&mut app, Action::Resize(if wide { 120 } else { 100 }, 50));
                    // The whole layout is a worker's job (measured by doc::build above).
                    draw(&mut terminal, &app);
                });
            },
        );
    }
    group.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
