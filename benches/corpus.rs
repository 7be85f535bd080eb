//! Costs at scale, on a library made by `examples/gen-corpus.rs`:
//!
//! ```sh
//! cargo run --release --example gen-corpus -- --reviews 10000 --comments 100000 --out /tmp/corpus
//! REELREAD_CORPUS=/tmp/corpus cargo bench --bench corpus
//! ```
//!
//! Without `REELREAD_CORPUS` the benchmarks say so and measure nothing. Figures go in
//! docs/performance.md.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use reelread::app::{Action, App, dispatch};
use reelread::data::load_path;

fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("REELREAD_CORPUS").map(PathBuf::from);
    if dir.is_none() {
        eprintln!(
            "REELREAD_CORPUS is not set: generate a library with the gen-corpus example first"
        );
    }
    dir
}

fn scale(c: &mut Criterion) {
    let Some(dir) = corpus() else { return };
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10);
    group.bench_function("load library", |b| b.iter(|| black_box(load_path(&dir))));
    let library = load_path(&dir);
    group.bench_function("App::new", |b| {
        b.iter_batched(
            || library.clone(),
            |l| black_box(App::new(l)),
            criterion::BatchSize::LargeInput,
        );
    });
    let mut app = App::new(library);
    dispatch(&mut app, Action::Resize(200, 50));
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("backend");
    group.bench_function("draw frame 200x50", |b| {
        b.iter(|| {
            terminal
                .draw(|f| f.render_widget(&app, f.area()))
                .expect("draw");
        });
    });
    group.bench_function("key to state: J then K", |b| {
        b.iter(|| {
            dispatch(&mut app, Action::NextSource);
            dispatch(&mut app, Action::PrevSource);
        });
    });
    group.bench_function("list text filter (type 3 letters, clear)", |b| {
        b.iter(|| {
            dispatch(&mut app, Action::Search);
            for c in "the".chars() {
                dispatch(&mut app, Action::Input(c));
            }
            dispatch(&mut app, Action::Back);
        });
    });
    group.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
