//! Baseline costs of the reader on the bundled collection: loading, laying a review out,
//! and drawing a whole frame. Run with `cargo bench`; figures go in docs/performance.md.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use reelread::action::{Action, Command};
use reelread::app::{App, update};
use reelread::data::bundled_library;
use reelread::doc;

fn load(c: &mut Criterion) {
    c.bench_function("load bundled collection", |b| {
        b.iter(|| black_box(bundled_library()));
    });
    c.bench_function("App::new (mentions, people)", |b| {
        b.iter_batched(
            bundled_library,
            |lib| black_box(App::new(lib)),
            criterion::BatchSize::SmallInput,
        );
    });
    // Since issue 6 mentions are counted when a film is first shown: App::new plus the
    // first resize is what start-up costs.
    c.bench_function("App::new + first layout at 200x50", |b| {
        b.iter_batched(
            bundled_library,
            |lib| {
                let mut app = App::new(lib);
                update(&mut app, Action::Resize(200, 50));
                black_box(app)
            },
            criterion::BatchSize::SmallInput,
        );
    });
}

fn layout(c: &mut Criterion) {
    let library = bundled_library();
    let (_, longest) = library
        .reviews()
        .max_by_key(|(_, r)| r.body.len() + r.comments.iter().map(|c| c.text.len()).sum::<usize>())
        .expect("bundled reviews");
    c.bench_function("doc::build longest review at 80 columns", |b| {
        b.iter(|| black_box(doc::build(longest, &doc::Options::default())));
    });
}

/// Issue 12: a body of `![` ×depth … `]()` ×depth. Linear in the depth since inline
/// nesting is bounded (`doc` flattens what is deeper than 64 levels); it was quadratic.
fn nesting(c: &mut Criterion) {
    let library = bundled_library();
    let (_, first) = library.reviews().next().expect("bundled reviews");
    let mut group = c.benchmark_group("doc::build nested images");
    for depth in [1_000, 10_000, 100_000] {
        let review = reelread::data::Review {
            body: format!("{}the deep text{}", "![".repeat(depth), "]()".repeat(depth)),
            ..first.clone()
        };
        group.bench_function(format!("depth {depth}"), |b| {
            b.iter(|| black_box(doc::build(&review, &doc::Options::default())));
        });
    }
    group.finish();
}

fn frame(c: &mut Criterion) {
    let mut app = App::new(bundled_library());
    update(&mut app, Action::Resize(200, 50));
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("backend");
    c.bench_function("draw frame 200x50", |b| {
        b.iter(|| {
            terminal
                .draw(|f| f.render_widget(&app, f.area()))
                .expect("draw");
        });
    });
    c.bench_function("key to state: J then K (cached layout)", |b| {
        b.iter(|| {
            update(&mut app, Command::NextSource);
            update(&mut app, Command::PrevSource);
        });
    });
}

criterion_group!(benches, load, layout, nesting, frame);
criterion_main!(benches);
