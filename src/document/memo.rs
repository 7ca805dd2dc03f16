//! Results derived from one document and shared by the rules that need
//! them: the three place rules read the same place claims, and computing
//! them once per rule was most of their cost.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

type Entries = HashMap<(TypeId, u64), Arc<dyn Any + Send + Sync>>;

/// Values keyed by their type and a caller's key (e.g. the parameters
/// they depend on). A cloned document starts with an empty memo.
#[derive(Default)]
pub struct Memo(Mutex<Entries>);

impl Memo {
    /// The value of type `T` for `key`, from `compute` the first time.
    pub fn get_or_compute<T: Any + Send + Sync>(
        &self,
        key: u64,
        compute: impl FnOnce() -> T,
    ) -> Arc<T> {
        let id = (TypeId::of::<T>(), key);
        if let Some(found) = self.entries().get(&id).cloned() {
            if let Ok(value) = found.downcast::<T>() {
                return value;
            }
        }
        // Computed without holding the lock, so `compute` may use the memo.
        let value = Arc::new(compute());
        self.entries().insert(id, value.clone());
        value
    }

    fn entries(&self) -> MutexGuard<'_, Entries> {
        // A panic while the lock was held leaves only complete entries.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Clone for Memo {
    fn clone(&self) -> Self {
        Memo::default()
    }
}

impl fmt::Debug for Memo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Memo({} entries)", self.entries().len())
    }
}

#[cfg(test)]
mod tests {
    use super::Memo;

    #[test]
    fn computes_once_per_type_and_key() {
        let memo = Memo::default();
        let mut calls = 0;
        let a = memo.get_or_compute(1, || {
            calls += 1;
            vec![1u8]
        });
        let b = memo.get_or_compute(1, || {
            calls += 1;
            vec![2u8]
        });
        assert_eq!(
            (a.as_slice(), b.as_slice(), calls),
            (&[1u8][..], &[1u8][..], 1)
        );
        assert_eq!(memo.get_or_compute(2, || vec![3u8]).as_slice(), &[3u8]);
        assert_eq!(*memo.get_or_compute(1, || 7u32), 7);
        assert_eq!(
            memo.clone().get_or_compute(1, || vec![4u8]).as_slice(),
            &[4u8]
        );
    }
}
