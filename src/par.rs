//! Mapping over a slice on every core, keeping order: the one pattern behind parallel
//! parsing and mention counting.

use std::num::NonZeroUsize;

/// `items.iter().map(f).collect()`, split across the machine's cores when there are at
/// least `min` items (thread start-up is not worth it below that).
pub fn map<T: Sync, R: Send>(items: &[T], min: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    if threads < 2 || items.len() < min.max(2) {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order_above_and_below_the_threshold() {
        let items: Vec<u32> = (0..1000).collect();
        let doubled: Vec<u32> = items.iter().map(|n| n * 2).collect();
        assert_eq!(super::map(&items, 10, |n| n * 2), doubled);
        assert_eq!(super::map(&items, 10_000, |n| n * 2), doubled);
        assert!(super::map(&[] as &[u32], 0, |n| *n).is_empty());
    }
}
